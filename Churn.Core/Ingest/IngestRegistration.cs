using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Churn.Core.Ingest;

public static class IngestRegistration
{
    /// <summary>
    /// Registers ingest (options <c>Churn:Ingest</c>): the publisher and runner (<see cref="AddChurnIngestPublisher"/>)
    /// and the <see cref="IngestService"/> that runs the configured source. The <c>IEventPublisher</c> comes from the
    /// transport registration.
    /// </summary>
    public static IHostApplicationBuilder AddChurnIngest(this IHostApplicationBuilder builder)
    {
        builder.AddChurnIngestPublisher();
        builder.Services.TryAddSingleton<IngestService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IngestService>());
        return builder;
    }

    /// <summary>
    /// Registers what publishes into the stream without running a source at start: <see cref="IngestPublisher"/> (single
    /// API events), <see cref="IngestRunner"/> (replays on request), the options and the <c>Churn.Ingest</c> telemetry.
    /// </summary>
    public static IHostApplicationBuilder AddChurnIngestPublisher(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IngestMetrics>();
        services.TryAddSingleton<IngestPublisher>();
        services.TryAddSingleton<IngestRunner>();
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(IngestTelemetry.Name));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(IngestTelemetry.Name));
        return builder;
    }
}
