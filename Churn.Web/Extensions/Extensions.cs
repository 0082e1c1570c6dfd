using Churn.Web.Services;

namespace Churn.Web.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        var apiAddress = ChurnApiAddress.From(builder.Configuration);
        var apiBase = apiAddress.BaseAddress;
        builder.Services.AddSingleton(apiAddress);
        builder.Services.AddHostedService<ChurnApiAddressLog>();

        builder.Services.AddHttpClient<ChurnApiClient>(http => http.BaseAddress = apiBase);
        builder.Services.AddSingleton<LiveFeedHub>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveFeedHub>());
        // The hub's upstream stream is long-lived: no timeout, and without the standard resilience handler that
        // AddServiceDefaults puts on every client (its total-request timeout would cut the stream after 30 s).
        // RemoveAllResilienceHandlers is the documented way to opt one client out; it is still marked experimental.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(LiveFeedProxy.ClientName, http =>
        {
            http.BaseAddress = apiBase;
            http.Timeout = Timeout.InfiniteTimeSpan;
        }).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return builder;
    }
}
