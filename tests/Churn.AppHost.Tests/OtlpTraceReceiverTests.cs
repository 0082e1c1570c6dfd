using System.Diagnostics;
using Churn.AppHost.Tests.Otlp;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Churn.AppHost.Tests;

/// <summary>The test's OTLP receiver reads what the real OpenTelemetry OTLP exporter sends.</summary>
public class OtlpTraceReceiverTests
{
    [Fact]
    public async Task Spans_exported_over_otlp_http_arrive_with_service_scope_ids_kind_and_attributes()
    {
        await using var receiver = new OtlpTraceReceiver();
        const string sourceName = "Churn.ReceiverTest";
        using var source = new ActivitySource(sourceName);
        using (var provider = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("receiver-test"))
            .AddSource(sourceName)
            .AddOtlpExporter(options =>
            {
                options.Endpoint = new Uri(receiver.Endpoint + "/v1/traces");
                options.Protocol = OtlpExportProtocol.HttpProtobuf;
                options.ExportProcessorType = ExportProcessorType.Simple;
            })
            .Build())
        {
            using (var parent = source.StartActivity("churn.customers publish", ActivityKind.Producer))
            {
                parent!.SetTag("messaging.destination.name", "churn.customers");
                parent.SetTag("messaging.kafka.message.offset", 42L);
                using var child = source.StartActivity("churn.customers process", ActivityKind.Consumer);
            }

            provider.ForceFlush();
        }

        var spans = receiver.Spans.ToList();
        Assert.Equal(2, spans.Count);
        var publish = Assert.Single(spans, span => span.Name == "churn.customers publish");
        var process = Assert.Single(spans, span => span.Name == "churn.customers process");
        Assert.Equal(("receiver-test", sourceName, OtlpSpan.KindProducer), (publish.Service, publish.Scope, publish.Kind));
        Assert.Equal(OtlpSpan.KindConsumer, process.Kind);
        Assert.Equal(publish.TraceId, process.TraceId);
        Assert.Equal(publish.SpanId, process.ParentSpanId);
        Assert.Equal(32, publish.TraceId.Length);
        Assert.Equal("churn.customers", publish.Attributes["messaging.destination.name"]);
        Assert.Equal("42", publish.Attributes["messaging.kafka.message.offset"]);
    }
}
