namespace Churn.Web.Services;

/// <summary>
/// Turns a page that failed because the Api cannot be reached into a 503 with no body, which the status-code page
/// re-executes as the error page; <see cref="ApiUnavailableFeature"/> tells it which address was tried and why.
/// </summary>
internal sealed partial class ApiUnavailableMiddleware(RequestDelegate next, ChurnApiAddress address, ILogger<ApiUnavailableMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ApiUnavailableFeature.Describe(ex) is { } reason)
        {
            LogUnavailable(context.Request.Path, address.BaseAddress, reason);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Features.Set(new ApiUnavailableFeature(address.BaseAddress, reason));
        }
    }

    [LoggerMessage(LogLevel.Warning, "{Path} could not be shown: the Api at {Address} cannot be reached ({Reason})")]
    private partial void LogUnavailable(PathString path, Uri address, string reason);
}
