using Churn.Core.Composition;
using Churn.Core.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Churn.Core.DeadLetters;

public static class DeadLetterRecorderExtensions
{
    public const string HealthCheckName = "dead-letter-recorder";

    /// <summary>The service key of the recorder's own <see cref="IEventConsumer"/> (its consumer group, not the worker's).</summary>
    public const string ConsumerKey = "dead-letters";

    /// <summary>
    /// Registers the dead-letter recorder (options <see cref="DeadLetterRecorderOptions.SectionName"/>), its health check
    /// <see cref="HealthCheckName"/> and the <see cref="DeadLetterTelemetry.Name"/> source and meter. What it reads and
    /// writes comes from the host's other registrations: the transport's consumer keyed <see cref="ConsumerKey"/>
    /// (<c>AddEmbeddedDeadLetterConsumer</c>, <c>AddKafkaDeadLetterConsumer</c>) and the store's <c>IDeadLetterStore</c>.
    /// </summary>
    public static IHostApplicationBuilder AddDeadLetterRecorder(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DeadLetterRecorderOptions>().BindConfiguration(DeadLetterRecorderOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddPipelineTopics();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DeadLetterMetrics>();
        services.AddSingleton<DeadLetterRecorderStatus>();
        services.AddHostedService<DeadLetterRecorder>();
        services.AddHealthChecks().AddCheck<DeadLetterRecorderHealthCheck>(HealthCheckName, tags: [HealthCheckTags.Ready]);
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(DeadLetterTelemetry.Name));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(DeadLetterTelemetry.Name));
        return builder;
    }
}
