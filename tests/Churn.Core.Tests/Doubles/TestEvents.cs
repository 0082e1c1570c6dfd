using System.Text;
using Churn.Core.Transport;
using Churn.Domain.Customers;
using Churn.Domain.Events;
using Churn.Testing;

namespace Churn.Core.Tests.Doubles;

internal static class TestEvents
{
    public const string Topic = PipelineTopicsOptions.DefaultCustomers;

    public static CustomerEvent Event(string id, CustomerRecord? customer = null) => new()
    {
        EventId = id,
        CustomerId = "cust-" + id,
        OccurredAt = DateTimeOffset.UtcNow,
        Source = "test",
        Customer = customer ?? TestCustomers.Typical(),
    };

    public static ConsumedEvent Consumed(int partition, long offset, CustomerEvent e, System.Diagnostics.Activity? producer = null)
    {
        var headers = new List<KeyValuePair<string, byte[]>>
        {
            new(EventHeaders.ContentType, Encoding.UTF8.GetBytes(CustomerEventJson.ContentType)),
        };
        if (producer is not null)
        {
            EventTraceContext.Inject(producer, headers);
        }
        return new ConsumedEvent(Topic, partition, offset, new EventMessage(e.CustomerId, CustomerEventJson.Serialize(e), headers));
    }

    public static ConsumedEvent Raw(int partition, long offset, byte[] value) =>
        new(Topic, partition, offset, new EventMessage("bad-key", value, []));
}
