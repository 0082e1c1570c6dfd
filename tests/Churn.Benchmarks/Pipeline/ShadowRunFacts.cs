namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// What the challenger did in a <c>pipeline --challenger</c> run: its version, the events it shadowed (stored apart),
/// dropped (its queue full: it fell behind) or failed, how long after the last served prediction it caught up, and the
/// mean time of its extra ONNX run per batch.
/// </summary>
public sealed record ShadowRunFacts(string Challenger, long Shadowed, long Dropped, long Failed, double CatchUpSeconds,
    double MeanScoringMs, long ScoredBatches);
