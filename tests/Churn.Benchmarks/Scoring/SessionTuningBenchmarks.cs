using BenchmarkDotNet.Attributes;
using Churn.Benchmarks.Setup;
using Churn.Core.Scoring;
using Microsoft.ML.OnnxRuntime;

namespace Churn.Benchmarks.Scoring;

/// <summary>
/// One tuning at a time against the serving scorer with the worker's defaults (baseline), at the worker's micro-batch
/// sizes: pre-allocated input/output <see cref="OrtValue"/>s, graph optimisation level, execution mode, intra-op
/// threads and spinning. Same rows, same model, features built in C# in every variant.
/// </summary>
[MemoryDiagnoser]
public class SessionTuningBenchmarks
{
    /// <summary>8,000 rows per invocation: a whole number of batches of 64 and of 500.</summary>
    private const int Rows = 8000;
    private ScoringRows _rows = null!;
    private OnnxChurnScorer _serving = null!;
    private OnnxChurnScorer _servingTwoThreads = null!;
    private OnnxChurnScorer _servingTwoThreadsSpinning = null!;
    private RawOnnxSession _preallocated = null!;
    private RawOnnxSession _basicOptimisation = null!;
    private RawOnnxSession _parallelMode = null!;
    private RawOnnxSession _twoThreads = null!;
    private RawOnnxSession _twoThreadsSpinning = null!;

    /// <summary>Rows per Run (the worker's default MaxBatchSize is 500; 64 stands for a lightly loaded worker).</summary>
    [Params(64, 500)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rows = new ScoringRows(Rows);
        var card = BenchModel.Card();
        var model = File.ReadAllBytes(BenchModel.ModelPath);
        _serving = new OnnxChurnScorer(model, card, new OnnxScorerOptions());
        _servingTwoThreads = new OnnxChurnScorer(model, card, new OnnxScorerOptions { IntraOpThreads = 2 });
        _servingTwoThreadsSpinning = new OnnxChurnScorer(model, card, new OnnxScorerOptions { IntraOpThreads = 2, AllowSpinning = true });
        _preallocated = new RawOnnxSession(card, Batch, new SessionTuning());
        _basicOptimisation = new RawOnnxSession(card, Batch, new SessionTuning(Optimization: GraphOptimizationLevel.ORT_ENABLE_BASIC));
        _parallelMode = new RawOnnxSession(card, Batch, new SessionTuning(Mode: ExecutionMode.ORT_PARALLEL));
        _twoThreads = new RawOnnxSession(card, Batch, new SessionTuning(IntraOpThreads: 2));
        _twoThreadsSpinning = new RawOnnxSession(card, Batch, new SessionTuning(IntraOpThreads: 2, AllowSpinning: true));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var d in new IDisposable[] { _serving, _servingTwoThreads, _servingTwoThreadsSpinning, _preallocated, _basicOptimisation,
                     _parallelMode, _twoThreads, _twoThreadsSpinning })
        {
            d.Dispose();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows, Description = "serving scorer, worker defaults (intra 1, no spin)")]
    public float Serving() => _rows.ScoreInBatches(_serving, Batch);

    [Benchmark(OperationsPerInvoke = Rows, Description = "serving scorer, intra 2, no spin")]
    public float ServingTwoThreads() => _rows.ScoreInBatches(_servingTwoThreads, Batch);

    [Benchmark(OperationsPerInvoke = Rows, Description = "serving scorer, intra 2 + spinning")]
    public float ServingTwoThreadsSpinning() => _rows.ScoreInBatches(_servingTwoThreadsSpinning, Batch);

    [Benchmark(OperationsPerInvoke = Rows, Description = "raw session, pre-allocated OrtValues")]
    public float Preallocated() => Run(_preallocated);

    [Benchmark(OperationsPerInvoke = Rows, Description = "raw, pre-allocated, ORT_ENABLE_BASIC")]
    public float BasicOptimisation() => Run(_basicOptimisation);

    [Benchmark(OperationsPerInvoke = Rows, Description = "raw, pre-allocated, ORT_PARALLEL")]
    public float ParallelMode() => Run(_parallelMode);

    [Benchmark(OperationsPerInvoke = Rows, Description = "raw, pre-allocated, intra 2, no spin")]
    public float TwoThreads() => Run(_twoThreads);

    [Benchmark(OperationsPerInvoke = Rows, Description = "raw, pre-allocated, intra 2 + spinning")]
    public float TwoThreadsSpinning() => Run(_twoThreadsSpinning);

    private float Run(RawOnnxSession session)
    {
        var rows = _rows.Next();
        var last = 0f;
        for (var start = 0; start < rows.Length; start += Batch)
        {
            last = session.Score(rows.Slice(start, Batch));
        }
        return last;
    }
}
