using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Churn.Kafka;

/// <summary>
/// Creates the configured topics that the cluster does not have yet, before the host's other services start, through
/// an admin client sharing the producer's connection. A cluster that refuses (no ACL, no controller — librdkafka's mock
/// cluster has none, automatic creation only) or does not answer is logged as a warning and the host starts anyway:
/// the topics are then left to the cluster's automatic creation, and the health checks report a cluster that is down.
/// </summary>
public sealed partial class KafkaTopicProvisioner(IProducer<string, byte[]> producer, IOptions<KafkaTopicsOptions> options,
    ILogger<KafkaTopicProvisioner> logger) : IHostedService
{
    private readonly KafkaTopicsOptions _options = options.Value;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var admin = new DependentAdminClientBuilder(producer.Handle).Build();
        try
        {
            var existing = admin.GetMetadata(_options.Timeout).Topics
                .Where(t => !t.Error.IsError).Select(t => t.Topic).ToHashSet(StringComparer.Ordinal);
            var missing = _options.Names.Where(name => !existing.Contains(name)).ToList();
            if (missing.Count == 0)
            {
                LogPresent(string.Join(", ", _options.Names));
                return;
            }
            await CreateAsync(admin, missing).WaitAsync(cancellationToken);
        }
        catch (KafkaException e)
        {
            LogRefused(string.Join(", ", _options.Names), e.Error.Reason);
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
        }
    }

    [LoggerMessage(LogLevel.Information, "Kafka topics {Topics} exist")]
    private partial void LogPresent(string topics);

    [LoggerMessage(LogLevel.Information, "Created Kafka topics {Topics} ({Partitions} partitions, replication factor {Replication})")]
    private partial void LogCreated(string topics, int partitions, short replication);

    [LoggerMessage(LogLevel.Warning, "The Kafka cluster did not create the topics {Topics} ({Reason}); they are left to its automatic topic creation")]
    private partial void LogRefused(string topics, string reason);
}
