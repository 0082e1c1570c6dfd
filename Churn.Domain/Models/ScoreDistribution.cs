using System.Text.Json.Serialization;

namespace Churn.Domain.Models;

/// <summary>
/// Served probabilities of labelled customers with their outcomes, summarised so that decisions whose costs the Trainer
/// does not know (a retention campaign's economics are deployment configuration) can be evaluated for any costs:
/// contacting everyone at or above a bin's lower bound reaches the counts of that bin and every bin above it.
/// </summary>
public sealed record ScoreDistribution
{
    /// <summary>Which customers and probabilities these are, in words.</summary>
    public required string Source { get; init; }

    /// <summary>Width of every bin; 0 when each bin holds one exact probability.</summary>
    public required double BinWidth { get; init; }

    /// <summary>The non-empty bins, highest probability first.</summary>
    public required IReadOnlyList<ScoreBin> Bins { get; init; }

    [JsonIgnore]
    public int Customers => Bins.Sum(b => b.Count);

    [JsonIgnore]
    public int Churners => Bins.Sum(b => b.Churners);
}
