using Churn.Api.Documentation;
using Churn.Api.Retention;

namespace Churn.Api.Apis;

public static class RetentionApi
{
    public static IEndpointRouteBuilder MapRetentionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api").WithTags("Retention");

        api.MapGet("/campaign", GetCampaign).WithName("GetCampaign")
            .ProducesValidationProblem()
            .WithSummary("Whom to contact: customers ranked by the expected gain of a retention offer, with totals")
            .WithDescription("Each customer's latest prediction whose expected gain (probability × acceptance × value − offer cost, " +
                "Churn:Retention) is positive, highest first, taken until the budget pays for no more offers (budget=…) or the " +
                "number asked for is reached (top=…); give exactly one. Totals: customers contacted, cost, customers expected " +
                "to be retained, expected gain. limitedBy says why the list ends. Probabilities are calibrated, which is what " +
                "makes probability × value an expected value.")
            .WithResponseExample(StatusCodes.Status200OK, RetentionExamples.Campaign);

        api.MapGet("/model/profit-curve", GetProfitCurve).WithName("GetProfitCurve")
            .WithSummary("The serving model's profit over thresholds and top-k, with the F1, profit-optimal and break-even thresholds")
            .WithDescription("With the deployment's economics (Churn:Retention): realised profit (churners × acceptance × value − " +
                "contacted × cost) and expected profit (Σ probability × acceptance × value − contacted × cost) of contacting " +
                "every test-file customer at or above each threshold; the profit-optimal threshold chosen on the card's " +
                "out-of-fold predictions (absent for older cards), beside the card's F1 threshold and the break-even " +
                "probability, each with its test-file profit. 503 while no model is loaded.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithResponseExample(StatusCodes.Status200OK, RetentionExamples.ProfitCurve);

        return app;
    }

    public static async Task<Ok<CampaignResponse>> GetCampaign([AsParameters] CampaignParameters parameters,
        [AsParameters] ChurnServices services, [AsParameters] RetentionServices retention, CancellationToken cancellationToken)
    {
        var request = parameters.ToRequest();
        var economics = retention.Economics;
        var (limit, limitedBy) = CampaignPlanner.Capacity(request, economics, retention.Settings.MaxCampaignSize);
        var ranked = await services.Store.GetHighestCurrentAsync(economics.BreakEvenProbability, limit + 1, cancellationToken);
        return TypedResults.Ok(CampaignPlanner.Plan(request, economics, limit, limitedBy, ranked));
    }

    public static Results<Ok<ProfitCurveResponse>, ProblemHttpResult> GetProfitCurve(
        [AsParameters] ChurnServices services, [AsParameters] RetentionServices retention)
    {
        if (services.Model.Current is not { } serving) return Problems.NoModel();
        return ProfitCurves.For(serving.Card, retention.Economics) is { } curves
            ? TypedResults.Ok(curves)
            : TypedResults.Problem(title: "No profit curve for this card",
                detail: $"The ROC points of model {serving.Card.Version}'s card do not describe its test file " +
                    $"({serving.Card.TestData.Rows} rows, {serving.Card.TestData.Positives} churners), so its profit cannot be computed.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
    }
}
