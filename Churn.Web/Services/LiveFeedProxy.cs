namespace Churn.Web.Services;

/// <summary>
/// Relays the Api's server-sent events (GET /api/predictions/stream) to the browser at <c>/live/predictions</c>, so the
/// page talks only to its own origin and the Api is reached through service discovery. The relay client has no
/// timeout and no retry: a stream is long-lived, and the browser's EventSource reconnects by itself.
/// </summary>
public static class LiveFeedProxy
{
    public const string ClientName = "churn-api-stream";

    public static IEndpointRouteBuilder MapLiveFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/live/predictions", async (HttpContext context, IHttpClientFactory factory, string? riskBand) =>
        {
            try
            {
                await RelayAsync(context, factory, riskBand);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The browser left; nothing to relay any more.
            }
        }).ExcludeFromDescription();
        return app;
    }

    private static async Task RelayAsync(HttpContext context, IHttpClientFactory factory, string? riskBand)
    {
        var http = factory.CreateClient(ClientName);
        var url = riskBand is { Length: > 0 } ? $"api/predictions/stream?riskBand={Uri.EscapeDataString(riskBand)}" : "api/predictions/stream";
        // Answer the browser at once (the Api's stream sends its headers with the first event).
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);

        using var upstream = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        if (!upstream.IsSuccessStatusCode) return; // the stream ends; EventSource reconnects
        await using var stream = await upstream.Content.ReadAsStreamAsync(context.RequestAborted);
        var buffer = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }
}
