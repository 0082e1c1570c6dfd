namespace Churn.Web.Extensions;

/// <summary>
/// The security headers on every response of the Web (pages, error pages, static files, the live feed). The pages are
/// server-rendered with inline SVG charts and scripts only from <c>wwwroot/js</c>, so the policy allows nothing but
/// this origin: no inline script or style, no plugin, no framing.
/// </summary>
public static class SecurityHeadersExtensions
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferrerPolicy = "same-origin";

    /// <summary>
    /// Adds the headers when the response starts, so a response that is cleared and re-rendered (an error page) keeps
    /// them too. Call it first after <c>Build()</c>.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = ReferrerPolicy;
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
