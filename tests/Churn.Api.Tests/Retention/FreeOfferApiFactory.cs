namespace Churn.Api.Tests.Retention;

/// <summary>The Api with an offer that costs nothing (every customer with a probability above 0 gains) and campaigns of at most 5.</summary>
public sealed class FreeOfferApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Churn:Retention:OfferCost"] = "0",
        ["Churn:Retention:MaxCampaignSize"] = "5",
    };
}
