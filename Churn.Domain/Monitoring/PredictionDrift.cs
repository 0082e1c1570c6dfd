namespace Churn.Domain.Monitoring;

/// <summary>
/// Drift of one model version's predicted probabilities over the window against its card's reference (the out-of-fold
/// probabilities of cross-validation on the training file): the PSI over the reference's quantile bins, the state, and the
/// mean predicted probability in the window and in the reference.
/// </summary>
public sealed record PredictionDrift
{
    public required string ModelVersion { get; init; }
    public required int Events { get; init; }
    public double? Psi { get; init; }
    public required DriftState State { get; init; }
    public int? MinimumEvents { get; init; }
    public required double MeanPredicted { get; init; }
    public required IReadOnlyList<DriftBin> Bins { get; init; }
}
