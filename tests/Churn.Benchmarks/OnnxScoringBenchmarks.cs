using BenchmarkDotNet.Attributes;
using Churn.Core.Customers;
using Churn.Core.Scoring;
using Churn.Testing;

namespace Churn.Benchmarks;

/// <summary>The worker's scorer on the Trainer's model: 16,384 rows per invocation in batches of <see cref="BatchSize"/>.</summary>
public class OnnxScoringBenchmarks
{
    private CustomerRecord[] _rows = [];
    private float[] _probabilities = [];
    private OnnxChurnScorer? _scorer;

    [Params(500, 1024)]
    public int BatchSize { get; set; }

    [Params(1, 2)]
    public int IntraOpThreads { get; set; }

    [Params(1, 2)]
    public int ParallelRuns { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var directory = TrainedModel.EnsureAsync().GetAwaiter().GetResult();
        _scorer = ModelCandidate.Load(directory, new OnnxScorerOptions { IntraOpThreads = IntraOpThreads, ParallelRuns = ParallelRuns });
        _rows = BenchmarkRows.Create();
        _probabilities = new float[_rows.Length];
    }

    [Benchmark]
    public float OnnxBatched()
    {
        for (var start = 0; start < _rows.Length; start += BatchSize)
        {
            var n = Math.Min(BatchSize, _rows.Length - start);
            _scorer!.Score(_rows.AsSpan(start, n), _probabilities.AsSpan(start, n));
        }
        return _probabilities[^1];
    }

    [GlobalCleanup]
    public void Cleanup() => _scorer?.Dispose();
}
