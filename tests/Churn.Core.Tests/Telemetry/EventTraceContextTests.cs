using System.Diagnostics;
using Churn.Core.Transport;

namespace Churn.Core.Tests.Telemetry;

public class EventTraceContextTests
{
    [Fact]
    public void A_consumer_recovers_the_producers_trace_and_span_from_the_headers()
    {
        using var producer = new Activity("send churn.customers").SetIdFormat(ActivityIdFormat.W3C).Start();
        var headers = new List<KeyValuePair<string, byte[]>>();

        EventTraceContext.Inject(producer, headers);
        var extracted = EventTraceContext.Extract(new EventMessage("customer-1", [], headers));

        Assert.Contains(headers, h => h.Key == "traceparent");
        Assert.Equal(producer.TraceId, extracted.TraceId);
        Assert.Equal(producer.SpanId, extracted.SpanId);
    }

    [Fact]
    public void A_message_without_trace_headers_yields_no_parent()
    {
        var extracted = EventTraceContext.Extract(new EventMessage("customer-1", [], []));

        Assert.Equal(default, extracted);
    }
}
