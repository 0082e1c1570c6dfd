using System.Diagnostics.Metrics;
using Churn.Core.DeadLetters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Churn.Core.Transport.Embedded;

public static class EmbeddedTransportExtensions
{
    /// <summary>
    /// Registers the in-process log (singleton, options from <see cref="EmbeddedTransportOptions.SectionName"/>; the
    /// dead-letter topic of <see cref="PipelineTopicsOptions"/> gets the bounded retention), an
    /// <see cref="IEventPublisher"/> and an <see cref="IEventConsumer"/> in group <paramref name="consumerGroupId"/>
    /// (default: the application name) over it, and the <see cref="EmbeddedTransportTelemetry"/> source and meter.
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddedTransport(this IHostApplicationBuilder builder, string? consumerGroupId = null)
    {
        var groupId = consumerGroupId ?? builder.Environment.ApplicationName;
        var services = builder.Services;
        services.AddMetrics();
        services.AddOptions<EmbeddedTransportOptions>()
            .BindConfiguration(EmbeddedTransportOptions.SectionName)
            .Validate(options => { options.Validate(); return true; })
            .ValidateOnStart();
        services.AddPipelineTopics();
        services.AddSingleton(sp => new EmbeddedTransportMetrics(sp.GetRequiredService<IMeterFactory>()));
        services.AddSingleton(sp => new EmbeddedEventLog(sp.GetRequiredService<IOptions<EmbeddedTransportOptions>>().Value,
            sp.GetRequiredService<IOptions<PipelineTopicsOptions>>().Value.DeadLetters, sp.GetRequiredService<EmbeddedTransportMetrics>()));
        services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<EmbeddedEventLog>().CreatePublisher(
            new TransportMetrics(sp.GetRequiredService<IMeterFactory>(), EmbeddedTransportTelemetry.Name)));
        services.AddSingleton<IEventConsumer>(sp => sp.GetRequiredService<EmbeddedEventLog>().CreateConsumer(groupId));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(EmbeddedTransportTelemetry.Name));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(EmbeddedTransportTelemetry.Name));
        return builder;
    }

    /// <summary>
    /// Registers the dead-letter recorder's consumer over the in-process log: an <see cref="IEventConsumer"/> keyed
    /// <see cref="DeadLetterRecorderExtensions.ConsumerKey"/> in the group <see cref="DeadLetterRecorderOptions.ConsumerGroup"/>
    /// (its commits are what normally free the dead-letter topic's retention). Call <see cref="AddEmbeddedTransport"/> too.
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddedDeadLetterConsumer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddKeyedSingleton<IEventConsumer>(DeadLetterRecorderExtensions.ConsumerKey, (sp, _) =>
            sp.GetRequiredService<EmbeddedEventLog>().CreateConsumer(
                sp.GetRequiredService<IOptions<DeadLetterRecorderOptions>>().Value.ConsumerGroup));
        return builder;
    }
}
