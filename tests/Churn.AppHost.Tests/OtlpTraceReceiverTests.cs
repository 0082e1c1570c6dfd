using System.Diagnostics;
using Churn.Testing.Otlp;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SpanKind = OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind;
using StatusCode = OpenTelemetry.Proto.Trace.V1.Status.Types.StatusCode;

namespace Churn.AppHost.Tests;

/// <summary>The test's OTLP receiver decodes what the real OpenTelemetry OTLP exporter sends (OTLP/HTTP, protobuf).</summary>
public class OtlpTraceReceiverTests
{
    [Fact]
    public async Task Spans_exported_over_otlp_http_arrive_with_service_scope_ids_kind_attributes_and_status()
    {
        await using var receiver = new OtlpTraceReceiver();
        const string sourceName = "Churn.ReceiverTest";
        using var source = new ActivitySource(sourceName);
        string publishTraceId, publishSpanId;
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
                parent.SetTag("churn.replayed", true);
                parent.SetTag("churn.probability", 0.75);
                parent.SetStatus(ActivityStatusCode.Error, "broker unavailable");
                (publishTraceId, publishSpanId) = (parent.TraceId.ToHexString(), parent.SpanId.ToHexString());
                using var child = source.StartActivity("churn.customers process", ActivityKind.Consumer);
            }

            Assert.True(provider.ForceFlush(), "the exporter should have delivered the spans");
        }

        var spans = receiver.Spans.ToList();
        Assert.Equal(2, spans.Count);
        var publish = Assert.Single(spans, span => span.Name == "churn.customers publish");
        var process = Assert.Single(spans, span => span.Name == "churn.customers process");
        Assert.Equal(("receiver-test", sourceName, SpanKind.Producer), (publish.Service, publish.Scope, publish.Kind));
        Assert.Equal(SpanKind.Consumer, process.Kind);
        Assert.Equal((publishTraceId, publishSpanId), (publish.TraceId, publish.SpanId));
        Assert.Equal("", publish.ParentSpanId);
        Assert.Equal(publish.TraceId, process.TraceId);
        Assert.Equal(publish.SpanId, process.ParentSpanId);
        Assert.Equal((32, 16), (publish.TraceId.Length, publish.SpanId.Length));
        Assert.Equal("churn.customers", publish.Attributes["messaging.destination.name"]);
        Assert.Equal("42", publish.Attributes["messaging.kafka.message.offset"]);
        Assert.Equal("true", publish.Attributes["churn.replayed"]);
        Assert.Equal("0.75", publish.Attributes["churn.probability"]);
        Assert.Equal((StatusCode.Error, "broker unavailable"), (publish.StatusCode, publish.StatusMessage));
        Assert.Equal(StatusCode.Unset, process.StatusCode);
    }
}
