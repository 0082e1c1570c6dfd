using System.ComponentModel;
using Churn.Domain.Predictions;

namespace Churn.Domain.Api;

/// <summary>One customer to contact: their rank, churn probability, expected gain and the prediction it comes from.</summary>
public sealed record CampaignEntry(
    [property: Description("1 for the highest expected gain.")] int Rank,
    string CustomerId,
    double ChurnProbability,
    [property: Description("probability × acceptance × value − offer cost.")] double ExpectedGain,
    [property: Description("The customer's current (latest) stored prediction: record, risk band, model version, when it was scored.")] Prediction Prediction);
