namespace Churn.Domain.Challenger;

/// <summary>
/// One live event scored by both models: the stored prediction (the champion's, as it is in the store now) joined with
/// the challenger's shadow prediction of the same event id. Each decision is at its own card's threshold.
/// </summary>
public sealed record ShadowPair(
    string EventId,
    string ChampionVersion,
    double ChampionProbability,
    bool ChampionChurn,
    double ChallengerProbability,
    bool ChallengerChurn,
    bool? ActualChurn,
    DateTimeOffset ScoredAt);
