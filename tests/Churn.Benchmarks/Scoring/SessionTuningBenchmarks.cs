using BenchmarkDotNet.Attributes;
using Churn.Benchmarks.Setup;
using Churn.Core.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Churn.Benchmarks.Scoring;

/// <summary>
/// Before and after each tuning, one at a time, at the worker's micro-batch sizes. Baseline ("before"): the serving
/// scorer with one Run per batch and one intra-op thread, no spinning. Variants: pre-allocated input/output
/// <see cref="OrtValue"/>s, graph optimisation level, execution mode, 2 intra-op threads with and without spinning,
/// and the split of a batch into one concurrent Run per core (the worker's default since the scoring branch measured
/// it). Same rows, same model, features built in C# in every variant.
/// </summary>
[MemoryDiagnoser]
public class SessionTuningBenchmarks
{
    /// <summary>8,000 rows per invocation: a whole number of batches of 64 and of 500.</summary>
    private const int Rows = 8000;
    private ScoringRows _rows = null!;
    private OnnxChurnScorer _before = null!;
    private OnnxChurnScorer _twoThreads = null!;
    private OnnxChurnScorer _twoThreadsSpinning = null!;
    private OnnxChurnScorer _runPerCore = null!;
    private OnnxChurnScorer _runPerCoreSmallChunks = null!;
    private RawOnnxSession _preallocated = null!;
    private RawOnnxSession _basicOptimisation = null!;
    private RawOnnxSession _parallelMode = null!;

    /// <summary>Rows per Run (the worker's default MaxBatchSize is 500; 64 stands for a lightly loaded worker).</summary>
    [Params(64, 500)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rows = new ScoringRows(Rows);
        var card = BenchModel.Card();
        var model = File.ReadAllBytes(BenchModel.ModelPath);
        OnnxChurnScorer Scorer(OnnxScorerOptions options) => new(model, card, options);
        _before = Scorer(new OnnxScorerOptions { ParallelRuns = 1 });
        _twoThreads = Scorer(new OnnxScorerOptions { ParallelRuns = 1, IntraOpThreads = 2 });
        _twoThreadsSpinning = Scorer(new OnnxScorerOptions { ParallelRuns = 1, IntraOpThreads = 2, AllowSpinning = true });
        _runPerCore = Scorer(new OnnxScorerOptions()); // the worker's defaults
        _runPerCoreSmallChunks = Scorer(new OnnxScorerOptions { MinRowsPerRun = 32 });
        _preallocated = new RawOnnxSession(card, Batch, new SessionTuning());
        _basicOptimisation = new RawOnnxSession(card, Batch, new SessionTuning(Optimization: GraphOptimizationLevel.ORT_ENABLE_BASIC));
        _parallelMode = new RawOnnxSession(card, Batch, new SessionTuning(Mode: ExecutionMode.ORT_PARALLEL));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var d in new IDisposable[] { _before, _twoThreads, _twoThreadsSpinning, _runPerCore, _runPerCoreSmallChunks,
                     _preallocated, _basicOptimisation, _parallelMode })
        {
            d.Dispose();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows, Description = "before: 1 Run/batch, intra 1, no spin")]
    public float Before() => _rows.ScoreInBatches(_before, Batch);

    [Benchmark(OperationsPerInvoke = Rows, Description = "raw session, pre-allocated OrtValues")]
    public float Preallocated() => Run(_preallocated);

    [Benchmark(OperationsPerInvoke = Rows, Description = "raw, pre-allocated, ORT_ENABLE_BASIC")]
    public float BasicOptimisation() => Run(_basicOptimisation);

    [Benchmark(OperationsPerInvoke = Rows, Description = "raw, pre-allocated, ORT_PARALLEL")]
    public float ParallelMode() => Run(_parallelMode);

    [Benchmark(OperationsPerInvoke = Rows, Description = "1 Run/batch, intra 2, no spin")]
    public float TwoThreads() => _rows.ScoreInBatches(_twoThreads, Batch);

    [Benchmark(OperationsPerInvoke = Rows, Description = "1 Run/batch, intra 2 + spinning")]
    public float TwoThreadsSpinning() => _rows.ScoreInBatches(_twoThreadsSpinning, Batch);

    [Benchmark(OperationsPerInvoke = Rows, Description = "Run per core, intra 1 (worker defaults, ≥200 rows/Run)")]
    public float RunPerCore() => _rows.ScoreInBatches(_runPerCore, Batch);

    [Benchmark(OperationsPerInvoke = Rows, Description = "Run per core, intra 1, ≥32 rows/Run")]
    public float RunPerCoreSmallChunks() => _rows.ScoreInBatches(_runPerCoreSmallChunks, Batch);

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
