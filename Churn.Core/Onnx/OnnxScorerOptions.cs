namespace Churn.Core.Onnx;

/// <summary>
/// ONNX Runtime session settings for the churn scorer. Defaults are what measured best on the 2-core machine
/// (docs/performance.md): one intra-op thread per Run and a large batch split into one concurrent Run per core,
/// sequential execution, and no spinning, because the scoring worker is idle between micro-batches.
/// </summary>
public sealed record OnnxScorerOptions
{
    /// <summary>Intra-op threads; 0 = one per physical core (ORT default).</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Spinning burns a core while waiting for work; useful only for back-to-back Runs.</summary>
    public bool AllowSpinning { get; init; }

    /// <summary>
    /// Split a large batch into up to this many concurrent Runs on the one session (each with its own buffers). With
    /// one intra-op thread per Run this uses several cores for tree ensembles, which ORT parallelises poorly inside one
    /// Run of a few thousand rows. 1 = one Run per batch. Default: one Run per core (at most 4). Measured on the 2-core
    /// machine (docs/performance.md): 1 thread × 2 Runs scores about 600k rows/s, 2 intra-op threads × 1 Run about
    /// 500–560k, 1 × 1 about 330k, ML.NET's PredictionEngine about 206k.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 64)]
    public int ParallelRuns { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>
    /// Fewest rows per Run when splitting: below it the per-Run overhead outweighs the parallelism. Measured: a batch
    /// of 64 split into two Runs of 32 scores about 1.8× faster than one Run (docs/performance.md).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000)]
    public int MinRowsPerRun { get; init; } = 32;
}
