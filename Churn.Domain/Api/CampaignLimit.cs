namespace Churn.Domain.Api;

/// <summary>Why a campaign's list ends where it does.</summary>
public enum CampaignLimit
{
    /// <summary>The budget pays for no more offers.</summary>
    Budget,
    /// <summary>The requested number of customers is reached.</summary>
    Top,
    /// <summary>Every customer with a positive expected gain is in the list.</summary>
    PositiveGain,
    /// <summary>The Api's cap on one campaign (Churn:Retention:MaxCampaignSize) is reached.</summary>
    MaxCampaignSize,
}
