using System.ComponentModel;

namespace Churn.Domain.Challenger;

/// <summary>
/// Champion and challenger on the same live events: the challenger's most recent shadow predictions (at most
/// <see cref="Window"/>) joined with the stored prediction of the same event.
/// </summary>
public sealed record ChallengerComparison
{
    public required string ChallengerVersion { get; init; }

    [Description("Shadow predictions stored for this challenger version (all of them, not only the window).")]
    public required long ShadowPredictions { get; init; }

    [Description("The most recent shadow predictions compared (at most).")]
    public required int Window { get; init; }

    [Description("Events in the window that both models scored (joined on the event id).")]
    public required int Events { get; init; }

    [Description("Scoring time of the oldest and newest compared event.")]
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    [Description("The champion versions that decided the compared events (a hot swap during the window shows as two).")]
    public required IReadOnlyList<VersionCount> ChampionVersions { get; init; }

    [Description("Share of the compared events on which both models take the same decision, each at its own threshold.")]
    public double? Agreement { get; init; }

    public required DecisionTable Decisions { get; init; }

    [Description("Mean |champion probability − challenger probability|.")]
    public double? MeanAbsoluteDifference { get; init; }

    [Description("Compared events whose actual outcome is known.")]
    public required int Labelled { get; init; }

    public ComparisonSide? Champion { get; init; }
    public ComparisonSide? Challenger { get; init; }
}
