using System.Diagnostics.Metrics;
using Churn.Core.Composition;
using Churn.Core.DeadLetters;
using Churn.Core.Transport;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Churn.Kafka;

/// <summary>
/// Kafka clients registered the Aspire way (Aspire.Confluent.Kafka is not available): bootstrap servers from
/// <c>ConnectionStrings:{connectionName}</c>, settings from <c>Churn:Kafka:Producer|Consumer</c>, reliability defaults,
/// librdkafka logs in <see cref="ILogger"/>, a metadata health check, and the <see cref="KafkaTelemetry"/> source and meter.
/// </summary>
public static class KafkaExtensions
{
    public const string ProducerHealthCheckName = "kafka-producer";
    public const string ConsumerHealthCheckName = "kafka-consumer";

    /// <summary>Registers <see cref="IProducer{TKey,TValue}"/>, <see cref="KafkaEventPublisher"/> and <see cref="IEventPublisher"/>.</summary>
    public static IHostApplicationBuilder AddKafkaProducer(this IHostApplicationBuilder builder, string connectionName,
        Action<KafkaProducerOptions>? configure = null)
    {
        var settings = Bind(builder.Configuration, KafkaProducerOptions.SectionName, new KafkaProducerOptions(), s => s.Config);
        settings.ConnectionString = builder.Configuration.GetConnectionString(connectionName) ?? settings.ConnectionString;
        configure?.Invoke(settings);
        settings.Config.BootstrapServers = RequireBootstrapServers(connectionName, KafkaProducerOptions.SectionName,
            settings.ConnectionString ?? settings.Config.BootstrapServers);
        var config = KafkaClientDefaults.Apply(settings.Config, statistics: false);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(_ => KafkaClientFactory.BuildProducer(config, _.GetRequiredService<ILoggerFactory>()));
        services.AddMetrics();
        services.AddSingleton(sp => new KafkaEventPublisher(sp.GetRequiredService<IProducer<string, byte[]>>(),
            new TransportMetrics(sp.GetRequiredService<IMeterFactory>(), KafkaTelemetry.Name),
            sp.GetRequiredService<ILogger<KafkaEventPublisher>>()) { QueueFullTimeout = settings.QueueFullTimeout });
        services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<KafkaEventPublisher>());
        if (!settings.DisableHealthChecks)
        {
            AddHealthCheck(services, ProducerHealthCheckName, settings.HealthCheckTimeout,
                sp => sp.GetRequiredService<IProducer<string, byte[]>>().Handle);
        }
        AddTelemetry(services, settings.DisableTracing, settings.DisableMetrics);
        return builder;
    }

    /// <summary>
    /// Registers <see cref="KafkaEventConsumer"/>, <see cref="IEventConsumer"/> and <see cref="IConsumer{TKey,TValue}"/>.
    /// The group id defaults to the application name.
    /// </summary>
    public static IHostApplicationBuilder AddKafkaConsumer(this IHostApplicationBuilder builder, string connectionName,
        Action<KafkaConsumerOptions>? configure = null)
    {
        var settings = Bind(builder.Configuration, KafkaConsumerOptions.SectionName, new KafkaConsumerOptions(), s => s.Config);
        settings.ConnectionString = builder.Configuration.GetConnectionString(connectionName) ?? settings.ConnectionString;
        settings.Config.GroupId ??= builder.Environment.ApplicationName;
        configure?.Invoke(settings);
        settings.Config.BootstrapServers = RequireBootstrapServers(connectionName, KafkaConsumerOptions.SectionName,
            settings.ConnectionString ?? settings.Config.BootstrapServers);
        var config = KafkaClientDefaults.Apply(settings.Config, statistics: !settings.DisableMetrics);

        var services = builder.Services;
        services.AddSingleton(settings);
        if (!settings.DisableMetrics)
        {
            services.AddMetrics();
            services.AddSingleton(sp => new KafkaConsumerLag(sp.GetRequiredService<IMeterFactory>()));
        }
        services.AddSingleton(sp => KafkaClientFactory.BuildConsumer(config, sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<KafkaConsumerLag>()));
        services.AddSingleton<IEventConsumer>(sp => sp.GetRequiredService<KafkaEventConsumer>());
        services.AddSingleton(sp => sp.GetRequiredService<KafkaEventConsumer>().Client);
        if (!settings.DisableHealthChecks)
        {
            AddHealthCheck(services, ConsumerHealthCheckName, settings.HealthCheckTimeout,
                sp => sp.GetRequiredService<KafkaEventConsumer>().Client.Handle);
        }
        AddTelemetry(services, settings.DisableTracing, settings.DisableMetrics);
        return builder;
    }

    /// <summary>
    /// Registers the dead-letter recorder's own consumer: a <see cref="KafkaEventConsumer"/> keyed
    /// <see cref="DeadLetterRecorderExtensions.ConsumerKey"/> (as <see cref="IEventConsumer"/> too) with the settings of
    /// <see cref="KafkaConsumerOptions.SectionName"/> (servers, security, tunables, the forced offset handling) but in
    /// the group <see cref="DeadLetterRecorderOptions.ConsumerGroup"/>, without lag statistics, and without a health check
    /// of its own (the recorder's <c>dead-letter-recorder</c> check reports its loop; <see cref="AddKafkaConsumer"/>'s
    /// check, the broker). Leaves the scoring worker's unkeyed consumer as it is.
    /// </summary>
    public static IHostApplicationBuilder AddKafkaDeadLetterConsumer(this IHostApplicationBuilder builder, string connectionName)
    {
        var settings = Bind(builder.Configuration, KafkaConsumerOptions.SectionName, new KafkaConsumerOptions(), s => s.Config);
        settings.ConnectionString = builder.Configuration.GetConnectionString(connectionName) ?? settings.ConnectionString;
        settings.Config.BootstrapServers = RequireBootstrapServers(connectionName, KafkaConsumerOptions.SectionName,
            settings.ConnectionString ?? settings.Config.BootstrapServers);

        var key = DeadLetterRecorderExtensions.ConsumerKey;
        var services = builder.Services;
        services.AddKeyedSingleton(key, (sp, _) =>
        {
            var config = KafkaClientDefaults.Apply(new ConsumerConfig(new Dictionary<string, string>(settings.Config)), statistics: false);
            config.GroupId = sp.GetRequiredService<IOptions<DeadLetterRecorderOptions>>().Value.ConsumerGroup;
            return KafkaClientFactory.BuildConsumer(config, sp.GetRequiredService<ILoggerFactory>(), lag: null);
        });
        services.AddKeyedSingleton<IEventConsumer>(key, (sp, k) => sp.GetRequiredKeyedService<KafkaEventConsumer>(k));
        AddTelemetry(services, settings.DisableTracing, disableMetrics: true);
        return builder;
    }

    /// <summary>
    /// Makes sure the pipeline's topics exist before the host's other services start (<see cref="KafkaTopicProvisioner"/>,
    /// options <see cref="KafkaTopicsOptions.SectionName"/>). Uses the connection of <see cref="AddKafkaProducer"/>, which
    /// must be registered too.
    /// </summary>
    public static IHostApplicationBuilder AddKafkaTopics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPipelineTopics();
        builder.Services.AddOptions<KafkaTopicsOptions>().BindConfiguration(KafkaTopicsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<KafkaTopicProvisioner>();
        return builder;
    }

    private static TSettings Bind<TSettings>(IConfiguration configuration, string sectionName, TSettings settings,
        Func<TSettings, ClientConfig> config)
    {
        var section = configuration.GetSection(sectionName);
        section.Bind(settings);
        // ClientConfig is bound on its own, as Aspire does (dotnet/runtime#96652).
        section.GetSection("Config").Bind(config(settings));
        return settings;
    }

    private static string RequireBootstrapServers(string connectionName, string sectionName, string? bootstrapServers) =>
        string.IsNullOrWhiteSpace(bootstrapServers)
            ? throw new InvalidOperationException(
                $"Kafka connection '{connectionName}' has no bootstrap servers: set 'ConnectionStrings:{connectionName}' " +
                $"or '{sectionName}:Config:BootstrapServers'.")
            : bootstrapServers;

    private static void AddHealthCheck(IServiceCollection services, string name, TimeSpan timeout, Func<IServiceProvider, Handle> handle)
    {
        services.AddKeyedSingleton(name, (sp, _) =>
            new KafkaHealthCheck(() => new DependentAdminClientBuilder(handle(sp)).Build(), timeout));
        services.AddHealthChecks().Add(new HealthCheckRegistration(name,
            sp => sp.GetRequiredKeyedService<KafkaHealthCheck>(name), HealthStatus.Unhealthy, [HealthCheckTags.Ready]));
    }

    private static void AddTelemetry(IServiceCollection services, bool disableTracing, bool disableMetrics)
    {
        if (!disableTracing)
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(KafkaTelemetry.Name));
        }
        if (!disableMetrics)
        {
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(KafkaTelemetry.Name));
        }
    }
}
