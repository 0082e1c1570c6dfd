using System.Diagnostics;
using System.Globalization;
using Churn.Core.Transport;

namespace Churn.Core.Worker;

/// <summary>
/// Spans of one micro-batch, designed so that one CSV row is one trace (ingest → send → process → score → store):
/// <list type="bullet">
/// <item>per record a <c>process {topic}</c> CONSUMER span whose PARENT is the producer's context from the headers
/// (semconv allows a parent for single-message processing; a batch span could only link);</item>
/// <item>under it per-record <c>score</c> and <c>store</c> spans that cover the batch's one ONNX Run and one write;</item>
/// <item>the write itself runs under one <c>store predictions</c> span linked to every record's process span, so
/// the store's own spans (SQLite, MongoDB driver) nest under a span that every record's trace links to.</item>
/// </list>
/// All of it is free when nobody listens (StartActivity returns null). Activity.Current is restored after each step.
/// </summary>
internal sealed class BatchTrace(IReadOnlyList<ConsumedEvent> records, string messagingSystem)
{
    private readonly Activity?[] _process = new Activity?[records.Count];

    public void Start()
    {
        var saved = Activity.Current;
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            var span = ScoringTelemetry.Source.StartActivity($"process {r.Topic}", ActivityKind.Consumer,
                EventTraceContext.Extract(r.Message));
            span?.SetTag("messaging.system", messagingSystem);
            span?.SetTag("messaging.operation.name", "process");
            span?.SetTag("messaging.operation.type", "process");
            span?.SetTag("messaging.destination.name", r.Topic);
            span?.SetTag("messaging.destination.partition.id", r.Partition.ToString(CultureInfo.InvariantCulture));
            span?.SetTag("messaging.kafka.offset", r.Offset);
            span?.SetTag("messaging.kafka.message.key", r.Message.Key);
            _process[i] = span;
            Activity.Current = saved;
        }
    }

    public void DeadLettered(int index, string reason)
    {
        _process[index]?.SetStatus(ActivityStatusCode.Error, reason);
        _process[index]?.AddEvent(new ActivityEvent("dead-lettered"));
    }

    /// <summary>Starts a child span named <paramref name="name"/> under each given record's process span.</summary>
    public Activity?[] StartChildren(string name, IReadOnlyList<int> indices)
    {
        var saved = Activity.Current;
        var spans = new Activity?[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            if (_process[indices[i]] is { } parent)
            {
                spans[i] = ScoringTelemetry.Source.StartActivity(name, ActivityKind.Internal, parent.Context);
            }
        }
        Activity.Current = saved;
        return spans;
    }

    /// <summary>The batch-level span the store call runs under (made current), linked to the records' process spans.</summary>
    public Activity? StartStoreBatch(IReadOnlyList<int> indices)
    {
        if (!ScoringTelemetry.Source.HasListeners())
        {
            return null;
        }
        var links = new List<ActivityLink>(indices.Count);
        foreach (var i in indices)
        {
            if (_process[i] is { } p)
            {
                links.Add(new ActivityLink(p.Context));
            }
        }
        var span = ScoringTelemetry.Source.StartActivity("store predictions", ActivityKind.Internal,
            parentContext: default, links: links);
        span?.SetTag("messaging.batch.message_count", indices.Count);
        return span;
    }

    public static void Stop(Activity?[] spans, string? error = null)
    {
        var saved = Activity.Current;
        foreach (var span in spans)
        {
            if (error is not null)
            {
                span?.SetStatus(ActivityStatusCode.Error, error);
            }
            span?.Stop();
        }
        Activity.Current = saved;
    }

    public void Complete() => Stop(_process);
}
