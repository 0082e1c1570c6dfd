namespace Churn.Domain.DeadLetters;

/// <summary>A page of recorded dead letters, newest first.</summary>
public sealed record DeadLetterQuery
{
    public const int MaxPageSize = 200;

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}
