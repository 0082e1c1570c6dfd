using BenchmarkDotNet.Attributes;
using Churn.Benchmarks.Setup;
using Churn.Core.Onnx;

namespace Churn.Benchmarks.Scoring;

/// <summary>
/// The serving scorer (<see cref="OnnxChurnScorer"/>) against ML.NET's per-row <c>PredictionEngine</c> over the same
/// model (baseline): one Run per batch of 1, 64 and 1,024 rows with 1 and 2 intra-op threads, and the worker's
/// configuration (default <see cref="OnnxScorerOptions"/>: 1 intra-op thread, a large batch split into one concurrent
/// Run per core) at its default micro-batch of 500 and at 1,024. Every method turns the same 8,192 distinct customers
/// per invocation into probabilities (C# features included), so the Mean is the time per row.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private const int Rows = ScoringRows.RowsPerInvoke;
    private ScoringRows _rows = null!;
    private MlNetBaseline _engine = null!;
    private OnnxChurnScorer _oneThread = null!;
    private OnnxChurnScorer _twoThreads = null!;
    private OnnxChurnScorer _worker = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rows = new ScoringRows();
        _engine = new MlNetBaseline();
        var card = BenchModel.Card();
        var model = File.ReadAllBytes(BenchModel.ModelPath);
        _oneThread = new OnnxChurnScorer(model, card, new OnnxScorerOptions { IntraOpThreads = 1, ParallelRuns = 1 });
        _twoThreads = new OnnxChurnScorer(model, card, new OnnxScorerOptions { IntraOpThreads = 2, ParallelRuns = 1 });
        _worker = new OnnxChurnScorer(model, card, new OnnxScorerOptions());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _engine.Dispose();
        _oneThread.Dispose();
        _twoThreads.Dispose();
        _worker.Dispose();
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

    [Benchmark(OperationsPerInvoke = Rows, Description = "ORT 1 Run/batch, batch 1, intra 1")]
    public float Batch1Intra1() => _rows.ScoreInBatches(_oneThread, 1);

    [Benchmark(OperationsPerInvoke = Rows, Description = "ORT 1 Run/batch, batch 64, intra 1")]
    public float Batch64Intra1() => _rows.ScoreInBatches(_oneThread, 64);

    [Benchmark(OperationsPerInvoke = Rows, Description = "ORT 1 Run/batch, batch 1024, intra 1")]
    public float Batch1024Intra1() => _rows.ScoreInBatches(_oneThread, 1024);

    [Benchmark(OperationsPerInvoke = Rows, Description = "ORT 1 Run/batch, batch 1, intra 2")]
    public float Batch1Intra2() => _rows.ScoreInBatches(_twoThreads, 1);

    [Benchmark(OperationsPerInvoke = Rows, Description = "ORT 1 Run/batch, batch 64, intra 2")]
    public float Batch64Intra2() => _rows.ScoreInBatches(_twoThreads, 64);

    [Benchmark(OperationsPerInvoke = Rows, Description = "ORT 1 Run/batch, batch 1024, intra 2")]
    public float Batch1024Intra2() => _rows.ScoreInBatches(_twoThreads, 1024);

    [Benchmark(OperationsPerInvoke = Rows, Description = "worker config (intra 1, Run per core), batch 500")]
    public float WorkerBatch500() => _rows.ScoreInBatches(_worker, 500);

    [Benchmark(OperationsPerInvoke = Rows, Description = "worker config (intra 1, Run per core), batch 1024")]
    public float WorkerBatch1024() => _rows.ScoreInBatches(_worker, 1024);
}
