using Churn.Api.Retention;
using Churn.Domain.Retention;

namespace Churn.Api.Documentation;

/// <summary>Example bodies of the retention endpoints (placeholder).</summary>
internal static class RetentionExamples
{
    public static readonly RetentionEconomics Economics = new RetentionOptions().Economics;

    public static readonly CampaignResponse Campaign = CampaignPlanner.Plan(new CampaignRequest(90, null), Economics, 3, CampaignLimit.Budget,
        [ApiExamples.Prediction]);

    public static readonly ProfitCurveResponse ProfitCurve = new(ApiExamples.ModelVersion, Economics,
        new Churn.Domain.Api.ProfitCurve("test", 667, 95, []), null, []);
}
