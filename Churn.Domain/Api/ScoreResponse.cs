using System.ComponentModel;

namespace Churn.Domain.Api;

public sealed record ScoreResponse(
    [property: Description("Version of the serving model that scored every customer of this request.")] string ModelVersion,
    [property: Description("Decision threshold of that model: predictedChurn = probability >= threshold.")] double Threshold,
    IReadOnlyList<CustomerScore> Results);
