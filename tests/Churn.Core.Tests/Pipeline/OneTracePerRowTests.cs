using System.Diagnostics;
using Churn.Core.Ingest;
using Churn.Core.Storage.Sqlite;
using Churn.Core.Tests.Ingest;
using Churn.Core.Transport;
using Churn.Core.Transport.Embedded;
using Churn.Core.Worker;
using Churn.Testing;

namespace Churn.Core.Tests.EndToEnd;

/// <summary>One CSV row is one trace: ingest → send → process (its events: scored, stored), with the store's own span under the write.</summary>
public sealed class OneTracePerRowTests
{
    [Fact]
    public async Task Each_row_is_one_trace_from_ingest_to_the_stored_prediction()
    {
        using var spans = new SpanCollector(IngestTelemetry.Name, ScoringTelemetry.Name, EmbeddedTransportTelemetry.Name,
            SqliteTelemetry.Name);
        await using var p = new EmbeddedPipelineHarness(await TrainedModel.EnsureAsync());
        using var files = new TempDirectory();
        var csvPath = files.Combine("two.csv");
        File.WriteAllText(csvPath, IngestTestData.Csv(IngestTestData.Row1, IngestTestData.Row2));
        var rows = new CsvReplaySource(csvPath, TimeProvider.System).Read().ToList();
        await p.StartAsync();

        p.Publish(rows);
        await p.StartWorkerAsync();
        var ids = rows.Select(r => r.Event!.EventId).ToHashSet();
        var traces = new Dictionary<string, ActivityTraceId>();
        spans.WaitFor(s =>
        {
            foreach (var ingest in s.Where(a => a.OperationName == "ingest" && ids.Contains((string)a.GetTagItem("churn.event_id")!)))
            {
                traces[(string)ingest.GetTagItem("churn.event_id")!] = ingest.TraceId;
            }
            return traces.Count == 2 && traces.Values.All(t => s.Any(a => a.TraceId == t && a.OperationName == "process churn.customers"));
        }, "both rows' process spans");

        var all = spans.Spans;
        // Other tests run in this process too: pick the write span by its links to this test's traces.
        var storeBatch = all.Single(a => a.OperationName == "store predictions"
            && a.Links.Any(l => traces.Values.Contains(l.Context.TraceId)));
        foreach (var trace in traces.Values)
        {
            var inTrace = all.Where(a => a.TraceId == trace).ToList();
            var ingest = inTrace.Single(a => a.OperationName == "ingest");
            var send = inTrace.Single(a => a.OperationName == "send churn.customers");
            var process = inTrace.Single(a => a.OperationName == "process churn.customers");
            Assert.Equal(default, ingest.ParentSpanId);
            Assert.Equal((ActivityKind.Producer, ingest.SpanId), (send.Kind, send.ParentSpanId));
            Assert.Equal((ActivityKind.Consumer, send.SpanId), (process.Kind, process.ParentSpanId));
            Assert.Equal(["scored", "stored"], process.Events.Select(e => e.Name));
            Assert.Equal(3, inTrace.Count);   // the steps after process are its events, not spans
            Assert.True(process.Events.Last().Timestamp >= process.Events.First().Timestamp);
            Assert.Contains(storeBatch.Links, l => l.Context.TraceId == trace && l.Context.SpanId == process.SpanId);
        }
        var sqliteWrite = all.Single(a => a.Source.Name == SqliteTelemetry.Name
            && a.ParentSpanId == storeBatch.SpanId);
        Assert.Equal("upsert predictions", sqliteWrite.OperationName);
        Assert.Equal(storeBatch.TraceId, sqliteWrite.TraceId);
    }

    [Fact]
    public async Task A_poison_record_is_traced_as_dead_lettered_never_as_scored_or_stored()
    {
        using var spans = new SpanCollector(IngestTelemetry.Name, ScoringTelemetry.Name);
        await using var p = new EmbeddedPipelineHarness(await TrainedModel.EnsureAsync());
        await p.StartAsync();
        var poisonKey = $"poison-{Guid.NewGuid():N}"; // other tests in this process trace records too
        using var raw = p.Log.CreatePublisher();
        raw.Publish(EmbeddedPipelineHarness.Topics.Value.Customers, new EventMessage(poisonKey, "{ not json"u8.ToArray(), []),
            _ => { }, TestContext.Current.CancellationToken);
        using var files = new TempDirectory();
        var csvPath = files.Combine("one.csv");
        File.WriteAllText(csvPath, IngestTestData.Csv(IngestTestData.Row1));
        var row = new CsvReplaySource(csvPath, TimeProvider.System).Read().ToList();
        p.Publish(row);

        await p.StartWorkerAsync();
        Activity? poison = null, valid = null;
        spans.WaitFor(s =>
        {
            var rowTrace = s.FirstOrDefault(a => a.OperationName == "ingest"
                && (string?)a.GetTagItem("churn.event_id") == row[0].Event!.EventId)?.TraceId;
            poison = s.FirstOrDefault(a => (string?)a.GetTagItem("messaging.kafka.message.key") == poisonKey);
            valid = s.FirstOrDefault(a => a.OperationName == "process churn.customers" && a.TraceId == rowTrace);
            return poison is not null && valid is not null;
        }, "both records' process spans");

        Assert.Equal(ActivityStatusCode.Error, poison!.Status);
        Assert.Equal(["dead-lettered"], poison.Events.Select(e => e.Name));
        Assert.Equal(["scored", "stored"], valid!.Events.Select(e => e.Name));
    }
}
