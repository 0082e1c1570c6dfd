using Churn.Api.Documentation;
using Churn.Core.Monitoring;
using Churn.Domain.Monitoring;

namespace Churn.Api.Apis;

public static class MonitoringApi
{
    public static RouteGroupBuilder MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/monitoring").WithTags("Monitoring");

        api.MapGet("", GetMonitoring).WithName("GetMonitoring")
            .WithSummary("Drift of inputs and predictions, live quality per model version, and the alert state")
            .WithDescription("Over the sliding window of the most recently scored events (Churn:Monitoring:WindowSize, 2,000 by default): " +
                "the population stability index (PSI) of every customer field against the serving card's training statistics " +
                "(numeric fields over its 10 quantile bins, categorical ones over their levels) and of each model version's " +
                "predicted probabilities against its out-of-fold reference, each with its bins (expected vs actual share) and a " +
                "state — ok, warn (PSI > 0.1), alert (PSI > 0.25), notEnoughData (fewer events than the distribution needs for " +
                "its sampling noise to stay at half the warn threshold), noReference (a card written before drift monitoring). " +
                "Live quality per model version from the most recent labelled predictions: AUC, precision, recall, Brier score, " +
                "predicted vs observed churn rate, beside the card's test-file figures. Answered from the last computation for " +
                "a few seconds (Churn:Monitoring:CacheDuration, 5 s by default).")
            .WithResponseExample(StatusCodes.Status200OK, MonitoringExample.Report);

        return api;
    }

    public static async Task<Ok<MonitoringReport>> GetMonitoring(DriftMonitor monitor, CancellationToken cancellationToken) =>
        TypedResults.Ok(await monitor.GetAsync(cancellationToken));
}
