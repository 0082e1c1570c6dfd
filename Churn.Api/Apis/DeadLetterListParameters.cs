using System.ComponentModel;
using Churn.Domain.DeadLetters;

namespace Churn.Api.Apis;

/// <summary>
/// Query string of GET /api/dead-letters, bound as raw strings and validated before the handler runs (like
/// <see cref="PredictionListParameters"/>); <see cref="ToQuery"/> reads the validated values.
/// </summary>
public sealed record DeadLetterListParameters
{
    public const int DefaultPageSize = 50;

    [FromQuery(Name = "page"), IntegerValue(1), Description("1-based page number (default 1).")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), IntegerValue(1, DeadLetterQuery.MaxPageSize), Description("Items per page, 1 to 200 (default 50).")]
    public string? PageSize { get; init; }

    public DeadLetterQuery ToQuery() => new()
    {
        Page = QueryValue.Integer(Page) ?? 1,
        PageSize = QueryValue.Integer(PageSize) ?? DefaultPageSize,
    };
}
