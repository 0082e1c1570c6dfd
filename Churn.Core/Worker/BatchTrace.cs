using System.Diagnostics;
using System.Globalization;
using Churn.Core.Transport;

namespace Churn.Core.Worker;

/// <summary>
/// Spans of one micro-batch, designed so that one CSV row is one trace (ingest → send → process, scored and stored):
/// <list type="bullet">
/// <item>per record a <c>process {topic}</c> CONSUMER span whose PARENT is the producer's context from the headers
/// (semconv allows a parent for single-message processing; a batch span could only link);</item>
/// <item>the steps after it as that span's events, not child spans (two fewer spans per record to create, sample and
/// export: docs/performance.md §15.1): <c>scored</c> when the batch's one ONNX Run returned, <c>stored</c> when its one write
/// did (<c>dead-lettered</c> instead, with the span's status, for a record that went to the dead-letter topic);</item>
/// <item>the write itself runs under one <c>store predictions</c> span linked to every record's process span, so
/// the store's own spans (SQLite, MongoDB driver) nest under a span that every record's trace links to.</item>
/// </list>
/// All of it is free when nobody listens (StartActivity returns null). Activity.Current is restored after each step.
/// </summary>
internal sealed class BatchTrace(IReadOnlyList<ConsumedEvent> records, string messagingSystem)
{
    public const string Scored = "scored";
    public const string Stored = "stored";
    public const string DeadLetteredEvent = "dead-lettered";
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
        _process[index]?.AddEvent(new ActivityEvent(DeadLetteredEvent));
    }

    /// <summary>Marks the step <paramref name="name"/> done, now, on each given record's process span.</summary>
    public void Mark(string name, IReadOnlyList<int> indices)
    {
        if (!ScoringTelemetry.Source.HasListeners())
        {
            return;
        }
        var step = new ActivityEvent(name);
        foreach (var i in indices)
        {
            _process[i]?.AddEvent(step);
        }
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

    public static void Stop(Activity?[] spans)
    {
        var saved = Activity.Current;
        foreach (var span in spans)
        {
            span?.Stop();
        }
        Activity.Current = saved;
    }

    public void Complete() => Stop(_process);
}
