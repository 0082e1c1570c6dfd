using System.Diagnostics.Metrics;
using Churn.Core.Transport;
using Churn.Core.Transport.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;

namespace Churn.Core.Tests.Transport.Embedded;

/// <summary>The registered log bounds the configured dead-letter topic and counts what it drops on its meter.</summary>
public sealed class DeadLetterRetentionRegistrationTests
{
    [Fact]
    public void The_configured_dead_letter_topic_drops_its_oldest_messages_and_counts_them_on_the_embedded_transport_meter()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Churn:Topics:DeadLetters"] = "ops.rejects",
            ["Churn:EmbeddedTransport:Partitions"] = "1",
            ["Churn:EmbeddedTransport:DeadLetterCapacity"] = "2",
            ["Churn:EmbeddedTransport:MessageTimeout"] = "00:00:01",
        });
        builder.AddEmbeddedTransport("scoring");
        using var services = builder.Services.BuildServiceProvider();
        using var dropped = new MetricCollector<long>(services.GetRequiredService<IMeterFactory>(),
            EmbeddedTransportTelemetry.Name, EmbeddedTransportMetrics.DroppedMessagesName);
        var publisher = services.GetRequiredService<IEventPublisher>();
        var reports = new List<DeliveryReport>();

        for (var i = 0; i < 5; i++)
        {
            publisher.Publish("ops.rejects", new EventMessage("k", [(byte)i], []), reports.Add, TestContext.Current.CancellationToken);
        }

        var log = services.GetRequiredService<EmbeddedEventLog>();
        Assert.Equal("ops.rejects", log.DeadLetterTopic);
        Assert.All(reports, r => Assert.True(r.Delivered, r.Error));
        Assert.Equal((3L, 5L), (log.StartOffset("ops.rejects", 0), log.EndOffset("ops.rejects", 0)));
        Assert.Equal(3, dropped.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.All(dropped.GetMeasurementSnapshot(), m => Assert.Equal("ops.rejects", m.Tags[MessagingTags.DestinationName]));
    }
}
