using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Churn.Domain.Api;
using Churn.Testing;
using Churn.Testing.Otlp;
using SpanKind = OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind;

namespace Churn.Distributed.Tests;

/// <summary>
/// Trace context crosses the process boundary in the Kafka headers: a record's spans from the process that published it
/// and from the process that scored it form one trace.
/// </summary>
public sealed class TracesAcrossProcessesTests(KafkaCluster cluster)
{
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_replayed_rows_ingest_and_send_spans_from_the_ingest_process_and_its_process_span_scored_and_stored_in_scoring_share_one_trace()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        await using var traces = new OtlpTraceReceiver();
        await using var topology = await Topology.CreateAsync(cluster);
        await topology.StartScoringAsync(Exporting(traces, "scoring"));

        var ingest = topology.StartIngest(rate: 0, Exporting(traces, "ingest"));
        Assert.Equal(0, await ingest.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        await topology.WaitForStoredAsync(TestFileEvents.Rows);

        var records = await Eventually.UntilAsync(() => Task.FromResult(PipelineTraces.CompleteTraces(traces.Spans)),
            complete => complete.Count >= TestFileEvents.Rows, ExportTimeout, TimeSpan.FromMilliseconds(250),
            "one complete trace per row", TestContext.Current.CancellationToken);
        Assert.Equal(TestFileEvents.ExpectedProbabilities(topology.ModelDirectory).Keys.Order(), records.Select(r => r.EventId).Order());
        Assert.All(records, record =>
        {
            Assert.Equal("", record.Ingest.ParentSpanId);   // one CSV row, one trace
            Assert.Equal(("ingest", "ingest"), (record.Ingest.Service, record.Send.Service));
            Assert.Equal("scoring", record.Process.Service);
            Assert.Equal(["scored", "stored"], record.Process.Events);
        });
    }

    [Fact]
    public async Task A_customer_posted_to_the_api_is_one_trace_from_the_request_in_the_api_to_the_store_in_scoring()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        await using var traces = new OtlpTraceReceiver();
        await using var topology = await Topology.CreateAsync(cluster);
        await topology.StartScoringAsync(Exporting(traces, "scoring"));
        var api = await topology.StartApiAsync(Exporting(traces, "api"));
        using var http = new HttpClient { BaseAddress = new Uri(api.Url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Topology.ApiKey);

        using var posted = await http.PostAsJsonAsync("/api/customers",
            new CustomerBatchRequest { Customers = [CustomerInput.From(TestCustomers.Typical(), "crm-1001")] },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var eventId = (await posted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken))
            .GetProperty("eventIds")[0].GetString()!;
        using var stored = await Eventually.OkAsync(http, $"/api/predictions/{eventId}", TimeSpan.FromMinutes(1));

        var record = await Eventually.UntilAsync(
            () => Task.FromResult(PipelineTraces.CompleteTraces(traces.Spans).SingleOrDefault(r => r.EventId == eventId)),
            trace => trace is not null, ExportTimeout, TimeSpan.FromMilliseconds(250), $"the trace of {eventId}",
            TestContext.Current.CancellationToken);
        var request = Assert.Single(record!.Spans, s => s.SpanId == record.Ingest.ParentSpanId);
        Assert.Equal(("api", SpanKind.Server), (request.Service, request.Kind));
        Assert.Equal(("POST", "/api/customers"), (request.Attributes["http.request.method"], request.Attributes["url.path"]));
        Assert.Equal(("api", "api"), (record.Ingest.Service, record.Send.Service));
        Assert.Equal("scoring", record.Process.Service);
        Assert.Equal(["scored", "stored"], record.Process.Events);
    }

    /// <summary>The OpenTelemetry settings the AppHost gives a service, pointed at the test's receiver.</summary>
    private static (string, string?)[] Exporting(OtlpTraceReceiver traces, string service) =>
    [
        ("OTEL_EXPORTER_OTLP_ENDPOINT", traces.Endpoint),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
        ("OTEL_SERVICE_NAME", service),
        ("OTEL_TRACES_SAMPLER", "always_on"),
        ("OTEL_BSP_SCHEDULE_DELAY", "200"),
        ("OTEL_BSP_MAX_QUEUE_SIZE", "65536"),
    ];
}
