using System.Diagnostics;
using Churn.Core.Ingest;
using Churn.Core.Tests.Doubles;
using Churn.Core.Transport;
using Churn.Domain.Events;
using Churn.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Churn.Core.Tests.Ingest;

public sealed class IngestPublisherTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeEventPublisher _transport = new(new PipelineLog());
    private readonly ActivityListener _listener;

    public IngestPublisherTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == IngestTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public void A_valid_event_is_published_keyed_by_customer_with_headers_and_the_row_is_the_root_of_its_trace()
    {
        var e = TestEvents.Event("ev-1");
        using var ambient = new Activity("unrelated request").Start();

        Publisher().Publish(IngestItem.For(e, "csv:test.csv:2"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Same(ambient, Activity.Current);
        var (topic, message) = Assert.Single(_transport.Published);
        Assert.Equal(PipelineTopicsOptions.DefaultCustomers, topic);
        Assert.Equal(e.CustomerId, message.Key);
        Assert.Equal("application/json", message.Header(EventHeaders.ContentType));
        Assert.Equal("1", message.Header(EventHeaders.SchemaVersion));
        Assert.NotNull(message.Header(EventHeaders.IngestedAt));
        Assert.True(CustomerEventJson.TryDeserialize(message.Value, out var roundTrip, out _));
        Assert.Equal(e, roundTrip with { Customer = e.Customer });
        Assert.Equal(e.Customer, roundTrip.Customer);

        var ingest = Assert.Single(_transport.PublishedUnder);
        Assert.NotNull(ingest);
        Assert.Equal("ingest", ingest.OperationName);
        Assert.Equal(default, ingest.ParentSpanId);
        Assert.NotEqual(ambient.TraceId, ingest.TraceId);
        Assert.Equal("csv:test.csv:2", ingest.GetTagItem("churn.ingest.origin"));
        Assert.True(ingest.IsStopped);
    }

    [Fact]
    public void A_rejected_row_goes_to_the_dead_letter_topic_with_its_reason_and_origin()
    {
        Publisher().Publish(IngestItem.Rejected("csv:test.csv:9", "NY,oops", "line 9: Account length: 'oops' is not a whole number", "Account length"),
            cancellationToken: TestContext.Current.CancellationToken);

        var (topic, message) = Assert.Single(_transport.Published);
        Assert.Equal(PipelineTopicsOptions.DefaultDeadLetters, topic);
        Assert.Equal("NY,oops"u8.ToArray(), message.Value);
        Assert.Equal("line 9: Account length: 'oops' is not a whole number", message.Header(EventHeaders.DlqReason));
        Assert.Equal("csv:test.csv:9", message.Header(IngestPublisher.DlqSource));
    }

    [Fact]
    public void An_event_whose_customer_breaks_the_contract_is_dead_lettered_not_published()
    {
        var e = TestEvents.Event("ev-bad", TestCustomers.Typical() with { State = "ZZ", TotalDayCalls = -3 });

        Publisher().Publish(IngestItem.For(e, "synthetic:1"), cancellationToken: TestContext.Current.CancellationToken);

        var (topic, message) = Assert.Single(_transport.Published);
        Assert.Equal(PipelineTopicsOptions.DefaultDeadLetters, topic);
        Assert.Contains("State", message.Header(EventHeaders.DlqReason));
        Assert.Contains("Total day calls", message.Header(EventHeaders.DlqReason));
    }

    [Fact]
    public async Task The_runner_counts_deliveries_and_rejections_and_flushes()
    {
        var items = new[]
        {
            IngestItem.For(TestEvents.Event("a"), "t:1"),
            IngestItem.Rejected("t:2", "x", "bad", "row"),
            IngestItem.For(TestEvents.Event("b"), "t:3"),
        };
        var runner = new IngestRunner(Publisher(), _transport, TimeProvider.System, NullLogger<IngestRunner>.Instance);

        var summary = await runner.RunAsync(items, rate: 0, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5),
            TestContext.Current.CancellationToken);

        Assert.Equal(new IngestSummary(3, 2, 1, 0, summary.Elapsed), summary);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private IngestPublisher Publisher() => new(_transport, Options.Create(new PipelineTopicsOptions()),
        new IngestMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
        TimeProvider.System, NullLogger<IngestPublisher>.Instance);
}
