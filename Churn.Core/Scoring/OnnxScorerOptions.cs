namespace Churn.Core.Scoring;

/// <summary>
/// ONNX Runtime session settings for the churn scorer. Defaults are what the worker measured best on a 2-core machine
/// (docs/performance.md): one intra-op thread per session (the host runs scoring beside ingest and the store), sequential
/// execution, and no spinning, because the scoring worker is idle between micro-batches.
/// </summary>
public sealed record OnnxScorerOptions
{
    /// <summary>Intra-op threads; 0 = one per physical core (ORT default).</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Spinning burns a core while waiting for work; useful only for back-to-back Runs.</summary>
    public bool AllowSpinning { get; init; }
}
