namespace Churn.Domain.Models;

public sealed record HoldoutMetrics
{
    public required double Auc { get; init; }
    public required double AucPr { get; init; }
    public required double Accuracy { get; init; }
    public required double Precision { get; init; }
    public required double Recall { get; init; }
    public required double F1 { get; init; }
    public required double LogLoss { get; init; }
    public required ConfusionMatrix ConfusionMatrix { get; init; }
    public required IReadOnlyList<RocPoint> Roc { get; init; }
}
