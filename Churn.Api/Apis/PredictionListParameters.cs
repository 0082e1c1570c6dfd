using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Churn.Api.Apis;

/// <summary>
/// Query string of GET /api/predictions, bound as raw strings (binding cannot fail) and validated before the handler
/// runs by the query value attributes and <see cref="Validate"/>; <see cref="ToQuery"/> reads the validated values.
/// </summary>
public sealed record PredictionListParameters : IValidatableObject
{
    public const int DefaultPageSize = 50;

    [FromQuery(Name = "state"), StateCode, Description("Two-letter state code, e.g. KS.")]
    public string? State { get; init; }

    [FromQuery(Name = "riskBand"), EnumValue<RiskBand>, Description("Low, Medium or High (any case).")]
    public string? RiskBand { get; init; }

    [FromQuery(Name = "predictedChurn"), BooleanValue, Description("Only predictions at or above (true) / below (false) the threshold.")]
    public string? PredictedChurn { get; init; }

    [FromQuery(Name = "minProbability"), NumberValue(0, 1), Description("Lowest churn probability, 0 to 1.")]
    public string? MinProbability { get; init; }

    [FromQuery(Name = "from"), TimestampValue, Description("Scored at or after this instant (ISO 8601).")]
    public string? From { get; init; }

    [FromQuery(Name = "to"), TimestampValue, Description("Scored before this instant (ISO 8601).")]
    public string? To { get; init; }

    [FromQuery(Name = "sort"), EnumValue<PredictionSort>, Description("ScoredAtDesc (default), ScoredAtAsc, ProbabilityDesc or ProbabilityAsc (any case).")]
    public string? Sort { get; init; }

    [FromQuery(Name = "page"), IntegerValue(1), Description("1-based page number (default 1).")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), IntegerValue(1, PredictionQuery.MaxPageSize), Description("Items per page, 1 to 200 (default 50).")]
    public string? PageSize { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (QueryValue.Timestamp(From) is { } from && QueryValue.Timestamp(To) is { } to && from >= to)
        {
            yield return new ValidationResult("Must be later than 'from'.", ["to"]);
        }
    }

    public PredictionQuery ToQuery() => new()
    {
        State = QueryValue.Text(State)?.ToUpperInvariant(),
        RiskBand = QueryValue.Enum<RiskBand>(RiskBand),
        PredictedChurn = QueryValue.Boolean(PredictedChurn),
        MinProbability = QueryValue.Number(MinProbability),
        From = QueryValue.Timestamp(From),
        To = QueryValue.Timestamp(To),
        Sort = QueryValue.Enum<PredictionSort>(Sort) ?? PredictionSort.ScoredAtDesc,
        Page = QueryValue.Integer(Page) ?? 1,
        PageSize = QueryValue.Integer(PageSize) ?? DefaultPageSize,
    };
}
