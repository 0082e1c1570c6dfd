using Churn.Core.Transport;
using Churn.Core.Transport.Embedded;

namespace Churn.Core.Tests.Transport;

public sealed class EmbeddedTransportContractTests : EventTransportContract
{
    private readonly EmbeddedEventLog log = new();

    protected override TimeSpan FirstMessageTimeout => TimeSpan.FromSeconds(10);
    protected override TimeSpan QuietPeriod => TimeSpan.FromMilliseconds(200);

    protected override string NewTopic() => $"churn.customers.{Guid.NewGuid():N}";
    protected override IEventPublisher CreatePublisher() => log.CreatePublisher();
    protected override IEventConsumer CreateConsumer(string groupId) => log.CreateConsumer(groupId);

    public override void Dispose()
    {
        log.Dispose();
        base.Dispose();
    }
}
