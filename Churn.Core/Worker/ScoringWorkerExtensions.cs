using Churn.Core.Composition;
using Churn.Core.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Churn.Core.Worker;

public static class ScoringWorkerExtensions
{
    public const string HealthCheckName = "scoring-worker";

    /// <summary>
    /// Registers the scoring worker (options <see cref="ScoringWorkerOptions.SectionName"/>), its health check
    /// <see cref="HealthCheckName"/> and the <see cref="ScoringTelemetry.Name"/> source and meter. What it consumes
    /// from and writes to comes from the host's other registrations: the transport (<c>IEventConsumer</c>, and
    /// <c>IEventPublisher</c> for the dead-letter topic), the store (<c>IPredictionStore</c>) and the model
    /// (<c>AddChurnModel</c>).
    /// </summary>
    public static IHostApplicationBuilder AddScoringWorker(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ScoringWorkerOptions>().BindConfiguration(ScoringWorkerOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddPipelineTopics();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ScoringMetrics>();
        services.AddSingleton<BatchProcessor>();
        services.AddSingleton<ScoringWorkerStatus>();
        services.AddHostedService<ScoringWorker>();
        services.AddHealthChecks().AddCheck<ScoringWorkerHealthCheck>(HealthCheckName, tags: [HealthCheckTags.Ready]);
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(ScoringTelemetry.Name));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(ScoringTelemetry.Name));
        return builder;
    }
}
