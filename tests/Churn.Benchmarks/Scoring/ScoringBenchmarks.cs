using BenchmarkDotNet.Attributes;
using Churn.Benchmarks.Setup;
using Churn.Core.Scoring;

namespace Churn.Benchmarks.Scoring;

/// <summary>
/// The serving scorer (<see cref="OnnxChurnScorer"/>, exactly as the worker builds it) at 1, 64, 500 (the worker's
/// default micro-batch) and 1,024 rows per Run with 1 and 2 intra-op threads, against ML.NET's per-row
/// <c>PredictionEngine</c> over the same model (baseline). Every method turns the same 8,192 distinct customers per
/// invocation into probabilities (C# features included), so the Mean is the time per row.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private const int Rows = ScoringRows.RowsPerInvoke;
    private ScoringRows _rows = null!;
    private MlNetBaseline _engine = null!;
    private OnnxChurnScorer _oneThread = null!;
    private OnnxChurnScorer _twoThreads = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rows = new ScoringRows();
        _engine = new MlNetBaseline();
        var card = BenchModel.Card();
        var model = File.ReadAllBytes(BenchModel.ModelPath);
        _oneThread = new OnnxChurnScorer(model, card, new OnnxScorerOptions()); // the worker's defaults
        _twoThreads = new OnnxChurnScorer(model, card, new OnnxScorerOptions { IntraOpThreads = 2 });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _engine.Dispose();
        _oneThread.Dispose();
        _twoThreads.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows, Description = "ML.NET PredictionEngine, per row")]
    public float PredictionEnginePerRow()
    {
        var sum = 0f;
        foreach (var customer in _rows.Next())
        {
            sum += _engine.Score(customer);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "ORT scorer, batch 1, intra 1")]
    public float Batch1Intra1() => _rows.ScoreInBatches(_oneThread, 1);

    [Benchmark(OperationsPerInvoke = Rows, Description = "ORT scorer, batch 64, intra 1")]
    public float Batch64Intra1() => _rows.ScoreInBatches(_oneThread, 64);

    [Benchmark(OperationsPerInvoke = Rows, Description = "ORT scorer, batch 500, intra 1 (worker defaults)")]
    public float Batch500Intra1() => _rows.ScoreInBatches(_oneThread, 500);

    [Benchmark(OperationsPerInvoke = Rows, Description = "ORT scorer, batch 1024, intra 1")]
    public float Batch1024Intra1() => _rows.ScoreInBatches(_oneThread, 1024);

    [Benchmark(OperationsPerInvoke = Rows, Description = "ORT scorer, batch 1, intra 2")]
    public float Batch1Intra2() => _rows.ScoreInBatches(_twoThreads, 1);

    [Benchmark(OperationsPerInvoke = Rows, Description = "ORT scorer, batch 64, intra 2")]
    public float Batch64Intra2() => _rows.ScoreInBatches(_twoThreads, 64);

    [Benchmark(OperationsPerInvoke = Rows, Description = "ORT scorer, batch 500, intra 2")]
    public float Batch500Intra2() => _rows.ScoreInBatches(_twoThreads, 500);

    [Benchmark(OperationsPerInvoke = Rows, Description = "ORT scorer, batch 1024, intra 2")]
    public float Batch1024Intra2() => _rows.ScoreInBatches(_twoThreads, 1024);
}
