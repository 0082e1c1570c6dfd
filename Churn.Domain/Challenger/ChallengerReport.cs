using System.ComponentModel;
using Churn.Domain.Models;

namespace Churn.Domain.Challenger;

/// <summary>What <c>GET /api/models/challenger</c> answers: the challenger's card and how it compares with the champion live.</summary>
public sealed record ChallengerReport(
    [property: Description("The challenger's model card (the Trainer's model-card.json in the challenger slot).")] ModelCard Card,
    [property: Description("The version serving the decisions now, null while none serves.")] string? ChampionVersion,
    ChallengerComparison Comparison);
