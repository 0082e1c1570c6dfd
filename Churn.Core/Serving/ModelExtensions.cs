using Churn.Core.Composition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Churn.Core.Serving;

public static class ModelExtensions
{
    public const string HealthCheckName = "model";

    /// <summary>
    /// Registers the serving model: <see cref="ModelProvider"/> (options <see cref="ModelOptions.SectionName"/>, the
    /// directory resolved against the content root, hot swap), <see cref="IModelSource"/> over it, the health check
    /// <see cref="HealthCheckName"/> and the <see cref="ModelTelemetry.Name"/> meter. Enough for what-if scoring; the
    /// scoring worker needs it too.
    /// </summary>
    public static IHostApplicationBuilder AddChurnModel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ModelMetrics>();
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ModelOptions>>().Value;
            var resolved = options with { Directory = Path.GetFullPath(options.Directory, contentRoot) };
            return ActivatorUtilities.CreateInstance<ModelProvider>(sp, Options.Create(resolved));
        });
        services.AddSingleton<IModelSource>(sp => sp.GetRequiredService<ModelProvider>());
        services.AddHostedService(sp => sp.GetRequiredService<ModelProvider>());
        services.AddHealthChecks().AddCheck<ModelHealthCheck>(HealthCheckName, tags: [HealthCheckTags.Ready]);
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(ModelTelemetry.Name));
        return builder;
    }
}
