using Churn.Web.Services;

namespace Churn.Web.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        var apiBase = new Uri(builder.Configuration["ChurnApi:BaseAddress"] ?? ChurnApiClient.DefaultBaseAddress);

        builder.Services.AddHttpClient<ChurnApiClient>(http => http.BaseAddress = apiBase);
        builder.Services.AddHttpClient(LiveFeedProxy.ClientName, http =>
        {
            http.BaseAddress = apiBase;
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        return builder;
    }
}
