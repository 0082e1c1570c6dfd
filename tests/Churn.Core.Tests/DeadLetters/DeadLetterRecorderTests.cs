using Churn.Core.DeadLetters;
using Churn.Core.Storage;
using Churn.Core.Tests.Doubles;
using Churn.Core.Transport;
using Churn.Core.Transport.Embedded;
using Churn.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Churn.Core.Tests.DeadLetters;

/// <summary>The recorder as registered over the in-process log: stores every dead letter, and only then moves its offsets.</summary>
public sealed class DeadLetterRecorderTests : IAsyncDisposable
{
    private const string Topic = PipelineTopicsOptions.DefaultDeadLetters;
    private readonly FakeDeadLetterStore store = new();
    private readonly IHost host;

    public DeadLetterRecorderTests()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Churn:EmbeddedTransport:Partitions"] = "2",
            ["Churn:DeadLetters:MaxBatchWait"] = "00:00:00.020",
            ["Churn:DeadLetters:RetryInitialDelay"] = "00:00:00.010",
            ["Churn:DeadLetters:RetryMaxDelay"] = "00:00:00.050",
        });
        builder.AddEmbeddedTransport("scoring");
        builder.AddEmbeddedDeadLetterConsumer();
        builder.AddDeadLetterRecorder();
        builder.Services.AddSingleton<IDeadLetterStore>(store);
        host = builder.Build();
    }

    private EmbeddedEventLog Log => host.Services.GetRequiredService<EmbeddedEventLog>();

    private Task<HealthReport> HealthAsync() => host.Services.GetRequiredService<HealthCheckService>()
        .CheckHealthAsync(r => r.Name == DeadLetterRecorderExtensions.HealthCheckName, TestContext.Current.CancellationToken);

    private void PublishDeadLetters(int count)
    {
        var publisher = host.Services.GetRequiredService<IEventPublisher>();
        for (var i = 0; i < count; i++)
        {
            publisher.Publish(Topic, new EventMessage($"customer-{i}", "not json"u8.ToArray(),
                [new(EventHeaders.DlqReason, "deserialization failed: invalid JSON"u8.ToArray())]), r => Assert.True(r.Delivered, r.Error));
        }
    }

    private long?[] Committed() => [.. Enumerable.Range(0, 2).Select(p => Log.CommittedOffset(DeadLetterRecorderOptions.DefaultConsumerGroup, Topic, p))];

    private long[] Ends() => [.. Enumerable.Range(0, 2).Select(p => Log.EndOffset(Topic, p))];

    [Fact]
    public async Task Dead_letters_are_committed_only_once_stored_a_store_outage_holds_the_offsets_and_the_commits_free_the_retention()
    {
        store.Failing = true;
        await host.StartAsync(TestContext.Current.CancellationToken);
        PublishDeadLetters(6);

        await Eventually.UntilAsync(HealthAsync,
            h => h.Status == HealthStatus.Degraded && h.Entries[DeadLetterRecorderExtensions.HealthCheckName].Description!.Contains("failed attempts"),
            what: "the recorder Degraded by the outage", cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(store.Attempts >= DeadLetterRecorderStatus.DegradedAfterFailures);
        Assert.Empty(store.Stored);
        Assert.Equal([null, null], Committed());
        Assert.Equal([0L, 0L], Enumerable.Range(0, 2).Select(p => Log.StartOffset(Topic, p)));

        store.Failing = false;

        await Eventually.UntilAsync(() => Committed().Select(c => c ?? -1).SequenceEqual(Ends()), "every dead letter committed", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(6, store.Stored.Count);
        Assert.All(store.Stored.Values, l => Assert.Equal("deserialization failed", l.ReasonKind));
        Assert.Equal(Ends(), Enumerable.Range(0, 2).Select(p => Log.StartOffset(Topic, p))); // nothing more retained
        Assert.Equal(HealthStatus.Healthy, (await HealthAsync()).Status);
    }

    [Fact]
    public async Task The_recorder_reports_unhealthy_once_its_loop_has_stopped()
    {
        await host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(HealthAsync, h => h.Status == HealthStatus.Healthy, what: "the recorder consuming", cancellationToken: TestContext.Current.CancellationToken);

        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, (await HealthAsync()).Status);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
    }
}
