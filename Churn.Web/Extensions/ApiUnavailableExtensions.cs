using Churn.Web.Services;

namespace Churn.Web.Extensions;

public static class ApiUnavailableExtensions
{
    /// <summary>
    /// A page that cannot reach the Api answers 503 and the error page names the address tried (place it inside
    /// <c>UseStatusCodePagesWithReExecute</c>, which renders that page).
    /// </summary>
    public static IApplicationBuilder UseApiUnavailablePage(this IApplicationBuilder app) =>
        app.UseMiddleware<ApiUnavailableMiddleware>();
}
