namespace Churn.Api.Retention;

/// <summary>A validated campaign request: exactly one of a budget (money for offers) and a number of customers.</summary>
public sealed record CampaignRequest(double? Budget, int? Top);
