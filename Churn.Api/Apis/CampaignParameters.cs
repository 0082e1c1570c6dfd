using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Churn.Api.Retention;
using Microsoft.Extensions.Options;

namespace Churn.Api.Apis;

/// <summary>
/// Query string of GET /api/campaign, bound as raw strings and validated before the handler runs: exactly one of
/// <c>budget</c> and <c>top</c>, <c>top</c> at most <see cref="RetentionOptions.MaxCampaignSize"/>.
/// </summary>
public sealed record CampaignParameters : IValidatableObject
{
    public const double MaxBudget = 1e12;

    [FromQuery(Name = "budget"), NumberValue(0, MaxBudget),
     Description("Money to spend on offers, 0 to 1e12: customers are taken while their offers (Churn:Retention:OfferCost each) fit. Give budget or top, not both.")]
    public string? Budget { get; init; }

    [FromQuery(Name = "top"), IntegerValue(1),
     Description("Number of customers to contact, 1 to Churn:Retention:MaxCampaignSize (1000 by default). Give budget or top, not both.")]
    public string? Top { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        var (budget, top) = (QueryValue.Number(Budget), QueryValue.Integer(Top));
        if (budget is null && top is null)
        {
            yield return new ValidationResult("Give either budget (money to spend on offers) or top (number of customers).", ["budget", "top"]);
        }
        else if (budget is not null && top is not null)
        {
            yield return new ValidationResult("Give budget or top, not both.", ["budget", "top"]);
        }
        else if (top > MaxCampaignSize(validationContext))
        {
            yield return new ValidationResult($"Must be at most {MaxCampaignSize(validationContext)} (Churn:Retention:MaxCampaignSize).", ["top"]);
        }
    }

    public CampaignRequest ToRequest() => new(QueryValue.Number(Budget), QueryValue.Integer(Top));

    private static int MaxCampaignSize(IServiceProvider services) =>
        services.GetRequiredService<IOptions<RetentionOptions>>().Value.MaxCampaignSize;
}
