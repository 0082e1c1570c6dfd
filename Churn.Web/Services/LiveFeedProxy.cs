using Churn.Domain.Predictions;

namespace Churn.Web.Services;

/// <summary>
/// Serves the live feed to the browser at <c>/live/predictions</c> (optionally <c>?riskBand=</c>), so the page talks
/// only to its own origin. Every browser is fed from the <see cref="LiveFeedHub"/>'s one upstream stream from the Api;
/// the browser's EventSource reconnects by itself when this stream ends.
/// </summary>
public static class LiveFeedProxy
{
    /// <summary>The HttpClient of the hub's upstream stream: no timeout, no retry (a stream is long-lived).</summary>
    public const string ClientName = "churn-api-stream";

    public static IEndpointRouteBuilder MapLiveFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/live/predictions", async (HttpContext context, LiveFeedHub hub, string? riskBand) =>
        {
            RiskBand? band = null;
            if (!string.IsNullOrEmpty(riskBand))
            {
                if (!Enum.TryParse<RiskBand>(riskBand, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown risk band",
                        detail: "riskBand must be Low, Medium or High.");
                }
                band = parsed;
            }
            try
            {
                await RelayAsync(context, hub, band);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The browser left; nothing to relay any more.
            }
            return Results.Empty;
        }).ExcludeFromDescription();
        return app;
    }

    private static async Task RelayAsync(HttpContext context, LiveFeedHub hub, RiskBand? band)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var predictions = hub.SubscribeAsync(band, context.RequestAborted).GetAsyncEnumerator(context.RequestAborted);
        await using (predictions)
        {
            var next = predictions.MoveNextAsync(); // runs up to its first wait: this browser is subscribed from here on
            await response.WriteAsync(": connected\n\n", context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
            while (await next)
            {
                // The Api writes compact JSON (no line breaks), so one data line carries it.
                await response.WriteAsync($"event: prediction\ndata: {predictions.Current}\n\n", context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
                next = predictions.MoveNextAsync();
            }
        }
    }
}
