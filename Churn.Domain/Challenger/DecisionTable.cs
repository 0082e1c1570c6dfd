using System.ComponentModel;

namespace Churn.Domain.Challenger;

/// <summary>The two models' decisions on the same events, crossed.</summary>
public sealed record DecisionTable(
    [property: Description("Both predict churn.")] int BothChurn,
    [property: Description("Only the champion predicts churn.")] int ChampionOnly,
    [property: Description("Only the challenger predicts churn.")] int ChallengerOnly,
    [property: Description("Neither predicts churn.")] int NeitherChurn)
{
    public int Total => BothChurn + ChampionOnly + ChallengerOnly + NeitherChurn;
}
