using System.ComponentModel;
using Churn.Domain.Retention;

namespace Churn.Domain.Api;

/// <summary>Response of GET /api/model/profit-curve: the serving model's profit curve on the test file with the deployment's economics.</summary>
public sealed record ProfitCurveResponse(
    string ModelVersion,
    RetentionEconomics Economics,
    [property: Description("Realised and expected profit over every threshold and top-k on the test file.")] ProfitCurve TestFile,
    [property: Description("The card's out-of-fold predictions the profit-optimal threshold is chosen on (no points); null for a card without them.")] ProfitCurve? OutOfFold,
    [property: Description("The F1 threshold, the profit-optimal threshold (when the card has out-of-fold predictions) and the break-even probability.")] IReadOnlyList<ThresholdChoice> Thresholds);
