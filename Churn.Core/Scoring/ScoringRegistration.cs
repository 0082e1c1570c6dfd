using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Churn.Core.Scoring;

public static class ScoringRegistration
{
    /// <summary>
    /// Registers the serving model (<see cref="ModelProvider"/>: options <c>Churn:Model</c>, the directory resolved
    /// against the content root, hot swap, health check <c>model</c>) and the <c>Churn.Scoring</c> telemetry. Enough for
    /// what-if scoring without the worker.
    /// </summary>
    public static IHostApplicationBuilder AddChurnModel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ModelProvider)))
        {
            return builder;
        }
        services.AddOptions<ModelSourceOptions>().BindConfiguration(ModelSourceOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ScoringMetrics>();
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ModelSourceOptions>>().Value;
            var resolved = options with { Directory = Path.GetFullPath(options.Directory, contentRoot) };
            return new ModelProvider(Options.Create(resolved), sp.GetRequiredService<ScoringMetrics>(),
                sp.GetRequiredService<ILogger<ModelProvider>>());
        });
        services.AddSingleton<IModelSource>(sp => sp.GetRequiredService<ModelProvider>());
        services.AddHostedService(sp => sp.GetRequiredService<ModelProvider>());
        services.AddHealthChecks().AddCheck<ModelHealthCheck>("model", tags: ["ready"]);
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(ScoringTelemetry.Name));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(ScoringTelemetry.Name));
        return builder;
    }

    /// <summary>
    /// Registers the scoring worker (options <c>Churn:Scoring</c>) and the serving model. The transport
    /// (<c>IEventConsumer</c>, <c>IEventPublisher</c> for the dead-letter topic) and the <c>IPredictionStore</c> come
    /// from their own registrations (Kafka/MongoDB or embedded).
    /// </summary>
    public static IHostApplicationBuilder AddChurnScoring(this IHostApplicationBuilder builder)
    {
        builder.AddChurnModel();
        builder.Services.AddOptions<ScoringWorkerOptions>().BindConfiguration(ScoringWorkerOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<BatchProcessor>();
        builder.Services.AddSingleton<ScoringWorkerStatus>();
        builder.Services.AddHostedService<ScoringWorker>();
        builder.Services.AddHealthChecks().AddCheck<ScoringWorkerHealthCheck>("scoring-worker", tags: ["ready"]);
        return builder;
    }
}
