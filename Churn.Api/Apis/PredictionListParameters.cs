using System.ComponentModel;

namespace Churn.Api.Apis;

/// <summary>Query string of GET /api/predictions.</summary>
public sealed record PredictionListParameters
{
    [FromQuery, Description("Two-letter state code, e.g. KS.")] public string? State { get; init; }
    [FromQuery, Description("Low, Medium or High.")] public RiskBand? RiskBand { get; init; }
    [FromQuery, Description("Only predictions at or above (true) / below (false) the threshold.")] public bool? PredictedChurn { get; init; }
    [FromQuery, Description("Lowest churn probability, 0 to 1.")] public double? MinProbability { get; init; }
    [FromQuery, Description("Scored at or after this instant (ISO 8601).")] public DateTimeOffset? From { get; init; }
    [FromQuery, Description("Scored before this instant (ISO 8601).")] public DateTimeOffset? To { get; init; }
    [FromQuery, Description("ScoredAtDesc (default), ScoredAtAsc, ProbabilityDesc or ProbabilityAsc.")] public PredictionSort? Sort { get; init; }
    [FromQuery, Description("1-based page number (default 1).")] public int? Page { get; init; }
    [FromQuery, Description("Items per page, 1 to 200 (default 50).")] public int? PageSize { get; init; }

    public bool TryToQuery(out PredictionQuery query, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (State is { } s && (s.Length != 2 || !s.All(char.IsAsciiLetter))) errors["state"] = ["Must be a two-letter state code."];
        if (RiskBand is { } band && !Enum.IsDefined(band)) errors["riskBand"] = ["Must be Low, Medium or High."];
        if (MinProbability is < 0 or > 1 || MinProbability is { } m && double.IsNaN(m)) errors["minProbability"] = ["Must be between 0 and 1."];
        if (From is { } f && To is { } t && f >= t) errors["to"] = ["Must be later than 'from'."];
        if (Sort is { } sort && !Enum.IsDefined(sort)) errors["sort"] = ["Must be ScoredAtDesc, ScoredAtAsc, ProbabilityDesc or ProbabilityAsc."];
        if (Page is < 1) errors["page"] = ["Must be 1 or more."];
        if (PageSize is < 1 or > PredictionQuery.MaxPageSize) errors["pageSize"] = [$"Must be between 1 and {PredictionQuery.MaxPageSize}."];

        query = new PredictionQuery
        {
            State = State?.ToUpperInvariant(), RiskBand = RiskBand, PredictedChurn = PredictedChurn, MinProbability = MinProbability,
            From = From, To = To, Sort = Sort ?? PredictionSort.ScoredAtDesc, Page = Page ?? 1, PageSize = PageSize ?? 50,
        };
        return errors.Count == 0;
    }
}
