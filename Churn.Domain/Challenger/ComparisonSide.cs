using System.ComponentModel;
using Churn.Domain.Models;
using Churn.Domain.Retention;

namespace Churn.Domain.Challenger;

/// <summary>
/// One model's side of the comparison. The rates are over every compared event; the quality measures over the labelled
/// ones only (null when there are none, or when a measure is undefined, e.g. AUC without both classes).
/// </summary>
public sealed record ComparisonSide
{
    [Description("Mean churn probability over the compared events.")]
    public required double MeanProbability { get; init; }

    [Description("Share of the compared events this model decides are churn (at its card's threshold).")]
    public required double PredictedChurnRate { get; init; }

    [Description("ROC AUC over the labelled events (ties count half).")]
    public double? Auc { get; init; }

    public double? Precision { get; init; }
    public double? Recall { get; init; }

    [Description("Mean squared error of the probabilities over the labelled events.")]
    public double? Brier { get; init; }

    [Description("Decisions against the labels (labelled events only).")]
    public ConfusionMatrix? ConfusionMatrix { get; init; }

    [Description("Expected profit of contacting every compared event this model calls churn, under the deployment's retention " +
        "economics: Σ p × acceptance × value − contacted × offer cost (null without economics).")]
    public double? ExpectedProfit { get; init; }

    [Description("What contacting the labelled events this model calls churn earned: churners reached × acceptance × value − " +
        "contacted × offer cost (null without economics or labels).")]
    public double? RealisedProfit { get; init; }
}
