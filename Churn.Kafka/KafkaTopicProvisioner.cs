using Churn.Core.Transport;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Churn.Kafka;

/// <summary>
/// Creates the configured topics that the cluster does not have yet, before the host's other services start, through
/// an admin client sharing the producer's connection. A cluster that refuses (no ACL, no controller — librdkafka's mock
/// cluster has none, automatic creation only) is logged as a warning and asked for the topics' metadata instead, which
/// makes a cluster with automatic topic creation create them with its defaults; a topic still missing after that is
/// logged as a warning of its own. A cluster that does not answer is logged too, and the host starts anyway: its
/// health checks report the cluster as down.
/// </summary>
public sealed partial class KafkaTopicProvisioner(IProducer<string, byte[]> producer, IOptions<KafkaTopicsOptions> options,
    IOptions<PipelineTopicsOptions> topics, ILogger<KafkaTopicProvisioner> logger) : IHostedService
{
    private readonly KafkaTopicsOptions _options = options.Value;
    private readonly string[] _names = [topics.Value.Customers, topics.Value.DeadLetters];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var admin = new DependentAdminClientBuilder(producer.Handle).Build();
        try
        {
            var existing = admin.GetMetadata(_options.Timeout).Topics
                .Where(t => !t.Error.IsError).Select(t => t.Topic).ToHashSet(StringComparer.Ordinal);
            var missing = _names.Where(name => !existing.Contains(name)).ToList();
            if (missing.Count == 0)
            {
                LogPresent(string.Join(", ", _names));
                return;
            }
            await CreateAsync(admin, missing).WaitAsync(cancellationToken);
        }
        catch (KafkaException e)
        {
            LogUnreachable(string.Join(", ", _names), e.Error.Reason);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateAsync(IAdminClient admin, IReadOnlyList<string> missing)
    {
        try
        {
            await admin.CreateTopicsAsync(
                missing.Select(name => new TopicSpecification
                {
                    Name = name, NumPartitions = _options.Partitions, ReplicationFactor = _options.ReplicationFactor,
                }),
                new CreateTopicsOptions { RequestTimeout = _options.Timeout, OperationTimeout = _options.Timeout });
            LogCreated(string.Join(", ", missing), _options.Partitions, _options.ReplicationFactor);
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            LogCreated(string.Join(", ", missing), _options.Partitions, _options.ReplicationFactor); // another host won the race
        }
        catch (CreateTopicsException e)
        {
            LogRefused(string.Join(", ", missing),
                string.Join("; ", e.Results.Where(r => r.Error.IsError).Select(r => $"{r.Topic}: {r.Error.Reason}")));
            RequestAutomaticCreation(admin, missing);
        }
        catch (KafkaException e)
        {
            LogRefused(string.Join(", ", missing), e.Error.Reason);
            RequestAutomaticCreation(admin, missing);
        }
    }

    private void RequestAutomaticCreation(IAdminClient admin, IReadOnlyList<string> topics)
    {
        foreach (var topic in topics)
        {
            var metadata = admin.GetMetadata(topic, _options.Timeout).Topics.SingleOrDefault(t => t.Topic == topic);
            if (metadata is { Error.IsError: false, Partitions.Count: > 0 })
            {
                LogAutomaticallyCreated(topic, metadata.Partitions.Count);
            }
            else
            {
                LogMissing(topic, metadata is null ? "not in the metadata response"
                    : metadata.Error.IsError ? metadata.Error.Reason : "no partitions");
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Kafka topics {Topics} exist")]
    private partial void LogPresent(string topics);

    [LoggerMessage(LogLevel.Information, "Created Kafka topics {Topics} ({Partitions} partitions, replication factor {Replication})")]
    private partial void LogCreated(string topics, int partitions, short replication);

    [LoggerMessage(LogLevel.Warning, "The Kafka cluster did not create the topics {Topics} ({Reason}); they are left to its automatic topic creation")]
    private partial void LogRefused(string topics, string reason);

    [LoggerMessage(LogLevel.Information, "Kafka topic {Topic} exists after a metadata request ({Partitions} partitions, the cluster's defaults)")]
    private partial void LogAutomaticallyCreated(string topic, int partitions);

    [LoggerMessage(LogLevel.Warning, "Kafka topic {Topic} does not exist ({Reason}) and was not created automatically: create it, or its consumers wait and deliveries to it fail")]
    private partial void LogMissing(string topic, string reason);

    [LoggerMessage(LogLevel.Warning, "Could not check the Kafka topics {Topics}: {Reason}; the host starts anyway")]
    private partial void LogUnreachable(string topics, string reason);
}
