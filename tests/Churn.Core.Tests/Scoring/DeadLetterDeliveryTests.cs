using System.Text;
using System.Text.Json;
using Churn.Core.Tests.Doubles;
using Churn.Core.Transport;
using Churn.Core.Worker;

namespace Churn.Core.Tests.Scoring;

/// <summary>A dead letter the topic cannot take never stops the stream, and one still on its way is never sent twice.</summary>
public sealed class DeadLetterDeliveryTests
{
    [Fact]
    public async Task A_poison_record_too_large_for_the_dead_letter_topic_is_sent_as_an_envelope_and_the_offset_moves()
    {
        await using var h = new WorkerHarness();
        var huge = Encoding.UTF8.GetBytes("not json " + new string('x', 5_000));
        h.DeadLetters.Refuse = message => message.Value.Length > 2_000 ? DeliveryFailure.TooLarge : DeliveryFailure.None;
        h.Consumer.Enqueue(TestEvents.Raw(0, 0, huge), TestEvents.Consumed(0, 1, TestEvents.Event("fine")));

        await h.StartAsync();
        h.WaitForStoredOffset(0, 2);

        var (_, envelope) = h.DeadLetters.Published.Last();
        Assert.Equal("true", envelope.Header(DeadLetterPublisher.EnvelopeHeader));
        Assert.Equal("0", envelope.Header(EventHeaders.DlqSourceOffset));
        Assert.StartsWith("deserialization failed", envelope.Header(EventHeaders.DlqReason));
        using var body = JsonDocument.Parse(envelope.Value);
        Assert.Equal(huge.Length, body.RootElement.GetProperty("valueBytes").GetInt32());
        Assert.Equal(huge.AsSpan(0, DeadLetterPublisher.EnvelopeValuePrefixBytes).ToArray(),
            Convert.FromBase64String(body.RootElement.GetProperty("valuePrefixBase64").GetString()!));
        Assert.Contains("TooLarge", body.RootElement.GetProperty("deliveryError").GetString());
        Assert.Equal(["fine"], h.Store.Predictions.Keys);
    }

    [Fact]
    public async Task A_dead_letter_topic_that_refuses_everything_is_given_up_on_and_the_stream_moves_on()
    {
        await using var h = new WorkerHarness();
        h.DeadLetters.Refuse = _ => DeliveryFailure.Refused;   // e.g. the topic does not exist, no ACL
        h.Consumer.Enqueue(TestEvents.Raw(0, 0, "not json"u8.ToArray()), TestEvents.Consumed(0, 1, TestEvents.Event("fine")));

        await h.StartAsync();
        h.WaitForStoredOffset(0, 2);

        Assert.Equal(2, h.DeadLetters.Published.Count);   // the record, then its envelope; nothing more
        Assert.Equal(["fine"], h.Store.Predictions.Keys);
    }

    [Fact]
    public async Task A_delivery_still_pending_past_the_timeout_is_waited_for_and_never_published_twice()
    {
        await using var h = new WorkerHarness(deadLetterTimeout: TimeSpan.FromMilliseconds(50));
        h.DeadLetters.HoldDeliveries = true;
        h.Consumer.Enqueue(TestEvents.Raw(0, 0, "not json"u8.ToArray()));

        await h.StartAsync();
        h.Log.WaitFor(() => h.DeadLetters.PendingCount == 1, "the dead letter pending");
        h.Log.WaitFor(() => h.Status.Check().Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded,
            "the worker degraded while the delivery is pending");
        Assert.Null(h.Consumer.StoredOffset(TestEvents.Topic, 0));

        h.DeadLetters.DeliverPending();
        h.WaitForStoredOffset(0, 1);
        Assert.Single(h.DeadLetters.Published);
    }
}
