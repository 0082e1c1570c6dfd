using Churn.Core.Transport;
using Churn.Core.Transport.Embedded;

namespace Churn.Core.Tests.Transport;

public sealed class EmbeddedTransportContractTests : EventTransportContract
{
    private readonly EmbeddedEventLog log = new();
    private readonly List<EmbeddedEventLog> fullLogs = [];

    protected override TimeSpan FirstMessageTimeout => TimeSpan.FromSeconds(10);
    protected override TimeSpan QuietPeriod => TimeSpan.FromMilliseconds(200);

    protected override string NewTopic() => $"churn.customers.{Guid.NewGuid():N}";
    protected override IEventPublisher CreatePublisher() => log.CreatePublisher();
    protected override IEventConsumer CreateConsumer(string groupId) => log.CreateConsumer(groupId);

    /// <summary>A log of one partition that holds one message, holding it (no consumer group ever commits).</summary>
    protected override (IEventPublisher Publisher, string Topic) CreateFullTransport()
    {
        var full = new EmbeddedEventLog(new EmbeddedTransportOptions { Partitions = 1, PartitionCapacity = 1 });
        fullLogs.Add(full);
        var topic = NewTopic();
        var publisher = full.CreatePublisher();
        publisher.Publish(topic, Event(FullKey, 0), report => Assert.True(report.Delivered, report.Error));
        return (publisher, topic);
    }

    protected override bool IsWaitingForRoom(IEventPublisher publisher, string topic) =>
        fullLogs.Any(full => full.BlockedPublishers(topic) > 0);

    public override void Dispose()
    {
        log.Dispose();
        fullLogs.ForEach(full => full.Dispose());
        base.Dispose();
    }
}
