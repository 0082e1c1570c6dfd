using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Churn.Core.Ingest;

public static class IngestRegistration
{
    /// <summary>
    /// Registers ingest (options <c>Churn:Ingest</c>): the publisher (also used for single API events), the runner, the
    /// <see cref="IngestService"/> that runs the configured source, and the <c>Churn.Ingest</c> telemetry. The
    /// <c>IEventPublisher</c> comes from the transport registration.
    /// </summary>
    public static IHostApplicationBuilder AddChurnIngest(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IngestMetrics>();
        services.TryAddSingleton<IngestPublisher>();
        services.TryAddSingleton<IngestRunner>();
        services.TryAddSingleton<IngestService>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestService>());
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(IngestTelemetry.Name));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(IngestTelemetry.Name));
        return builder;
    }
}
