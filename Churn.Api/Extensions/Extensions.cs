using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Churn.Api.Live;
using Churn.Api.Security;

namespace Churn.Api.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ChurnApiOptions>().BindConfiguration(ChurnApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // binding failures → ProblemHandling (400 naming the field)
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddApiKeyAuthentication();
        services.AddApiDocumentation();

        services.AddSingleton<IPredictionFeed, PredictionFeed>();
        services.AddHostedService<StorePollingFeedSource>();

        builder.AddPipeline();
        return builder;
    }

    public static WebApplication UseApiPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestBodyLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
