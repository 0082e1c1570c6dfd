using Churn.Domain.Api;
using Churn.Domain.DeadLetters;

namespace Churn.Core.Storage;

/// <summary>Rules every store applies the same way to dead-letter queries.</summary>
internal static class DeadLetterQueries
{
    /// <summary>Page and page size after validation; the size is capped at <see cref="DeadLetterQuery.MaxPageSize"/>.</summary>
    public static (int Page, int PageSize) Paging(DeadLetterQuery query)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1, nameof(query.Page));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query.PageSize));
        return (query.Page, Math.Min(query.PageSize, DeadLetterQuery.MaxPageSize));
    }

    /// <summary>Most frequent first; equal counts by kind, so the order never depends on the database.</summary>
    public static IReadOnlyList<ReasonKindCount> Ordered(IEnumerable<ReasonKindCount> counts) =>
        [.. counts.OrderByDescending(c => c.Count).ThenBy(c => c.ReasonKind, StringComparer.Ordinal)];
}
