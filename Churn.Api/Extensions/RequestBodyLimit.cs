using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Churn.Api.Extensions;

/// <summary>
/// Caps request bodies at <see cref="ChurnApiOptions.MaxRequestBodyBytes"/>: a declared length over the cap is refused
/// at once with 413; a chunked body is cut off by the server when it crosses the cap (413 through the exception handler).
/// </summary>
public static class RequestBodyLimit
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var max = context.RequestServices.GetRequiredService<IOptions<ChurnApiOptions>>().Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = 413, Title = "Request body too large",
                    Detail = $"The body has {context.Request.ContentLength} bytes; the limit is {max} bytes (Churn:MaxRequestBodyBytes).",
                },
            });
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = max;
        await next(context);
    });
}
