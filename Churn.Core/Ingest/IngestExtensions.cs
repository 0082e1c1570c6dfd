using Churn.Core.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Churn.Core.Ingest;

public static class IngestExtensions
{
    /// <summary>
    /// Registers what publishes customers into the stream on request: <see cref="IngestPublisher"/> (single events
    /// from the Api), <see cref="IngestRunner"/> (replays), the options (<see cref="IngestOptions.SectionName"/>) and the
    /// <see cref="IngestTelemetry.Name"/> source and meter. The <c>IEventPublisher</c> comes from the transport.
    /// </summary>
    public static IHostApplicationBuilder AddIngestPublishing(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddPipelineTopics();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IngestMetrics>();
        services.AddSingleton<IngestPublisher>();
        services.AddSingleton<IngestRunner>();
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(IngestTelemetry.Name));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(IngestTelemetry.Name));
        return builder;
    }

    /// <summary>
    /// Registers the <see cref="IngestService"/>, which runs the configured source (<c>Churn:Ingest:Mode</c>) when the
    /// host starts. Needs <see cref="AddIngestPublishing"/>.
    /// </summary>
    public static IHostApplicationBuilder AddIngestService(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IngestService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IngestService>());
        return builder;
    }
}
