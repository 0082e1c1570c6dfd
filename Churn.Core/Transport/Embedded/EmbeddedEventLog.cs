using System.Collections.Concurrent;

namespace Churn.Core.Transport.Embedded;

/// <summary>
/// The in-process event log behind the embedded mode: topics created on first use, each with
/// <see cref="EmbeddedTransportOptions.Partitions"/> bounded partitions, consumer groups with committed offsets, and
/// back-pressure. Messages are retained until every consumer group has committed past them, so a partition holds
/// at most <see cref="EmbeddedTransportOptions.PartitionCapacity"/> uncommitted messages; with no group yet, a full
/// partition blocks publishers until one subscribes and commits. The dead-letter topic is the exception: nothing has
/// to consume it, so it keeps at most <see cref="EmbeddedTransportOptions.DeadLetterCapacity"/> messages per
/// partition and drops the oldest rather than block. Nothing survives the process.
/// </summary>
public sealed class EmbeddedEventLog : IDisposable
{
    private readonly ConcurrentDictionary<string, TopicLog> topics = new(StringComparer.Ordinal);
    private readonly EmbeddedTransportMetrics? metrics;

    /// <param name="options">Partitions, capacities, timeouts; the defaults when null.</param>
    /// <param name="deadLetterTopic">The topic with bounded retention (<c>Churn:Topics:DeadLetters</c>).</param>
    /// <param name="metrics">Where dropped dead letters are counted; null counts nothing.</param>
    public EmbeddedEventLog(EmbeddedTransportOptions? options = null,
        string deadLetterTopic = PipelineTopicsOptions.DefaultDeadLetters, EmbeddedTransportMetrics? metrics = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deadLetterTopic);
        Options = options ?? new EmbeddedTransportOptions();
        Options.Validate();
        DeadLetterTopic = deadLetterTopic;
        this.metrics = metrics;
    }

    public EmbeddedTransportOptions Options { get; }

    /// <summary>The topic that keeps at most <see cref="EmbeddedTransportOptions.DeadLetterCapacity"/> messages per partition.</summary>
    public string DeadLetterTopic { get; }

    /// <param name="metrics">Where its deliveries are counted; null counts nothing.</param>
    public EmbeddedEventPublisher CreatePublisher(TransportMetrics? metrics = null) => new(this, metrics);

    public EmbeddedEventConsumer CreateConsumer(string groupId) => new(this, groupId);

    public int PartitionFor(string key) => KeyPartitioner.PartitionFor(key, Options.Partitions);

    /// <summary>The offset the next message in <paramref name="partition"/> will get.</summary>
    public long EndOffset(string topic, int partition) => Topic(topic).EndOffset(partition);

    /// <summary>The oldest offset still retained in <paramref name="partition"/>.</summary>
    public long StartOffset(string topic, int partition) => Topic(topic).StartOffset(partition);

    /// <summary>The group's committed position (next offset to read), or null when it never committed there.</summary>
    public long? CommittedOffset(string groupId, string topic, int partition) => Topic(topic).Committed(groupId, partition);

    /// <summary>How many publishers are blocked on a full partition of <paramref name="topic"/> right now.</summary>
    public int BlockedPublishers(string topic) => Topic(topic).BlockedPublishers;

    internal TopicLog Topic(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return topics.GetOrAdd(name, static (n, log) => n == log.DeadLetterTopic
            ? new TopicLog(n, log.Options.Partitions, log.Options.DeadLetterCapacity, dropOldest: true, log.metrics)
            : new TopicLog(n, log.Options.Partitions, log.Options.PartitionCapacity, dropOldest: false, metrics: null), this);
    }

    /// <summary>Wakes every blocked publisher (failed report) and consumer (no message).</summary>
    public void Dispose()
    {
        foreach (var topic in topics.Values)
        {
            topic.Close();
        }
    }
}
