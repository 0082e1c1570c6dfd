using System.ComponentModel;

namespace Churn.Domain.Api;

/// <summary>A decision threshold, the rule that chose it and what contacting everyone at or above it earns.</summary>
public sealed record ThresholdChoice(
    [property: Description("f1 (the card's decision threshold), profit (profit-optimal on the out-of-fold predictions) or break-even (cost ÷ (acceptance × value)).")] string Name,
    [property: Description("How the threshold was chosen.")] string Rule,
    double Threshold,
    [property: Description("Contacting every test-file customer at or above the threshold.")] ProfitPoint TestFile,
    [property: Description("The same on the card's out-of-fold predictions (bins of their width); null when the card has none.")] ProfitPoint? OutOfFold);
