using System.Diagnostics;

namespace Churn.Core.Transport;

/// <summary>
/// The <c>send {topic}</c> PRODUCER span of one published message. It is started on the publishing thread, its
/// context goes into the message headers (W3C <c>traceparent</c>/<c>tracestate</c>, via <see cref="EventTraceContext"/>),
/// and it ends when the delivery report arrives (on whatever thread that is) with the partition, offset or error.
/// It never becomes <see cref="Activity.Current"/> for the caller, and carries no payload.
/// </summary>
internal static class SendSpan
{
    private static readonly string[] TraceHeaders = ["traceparent", "tracestate", "baggage"];

    public static Activity? Start(ActivitySource source, string messagingSystem, string topic, EventMessage message,
        out IReadOnlyList<KeyValuePair<string, byte[]>> headers)
    {
        var caller = Activity.Current;
        var activity = source.StartActivity(ActivityKind.Producer, name: $"send {topic}",
            tags:
            [
                new(MessagingTags.System, messagingSystem),
                new(MessagingTags.OperationName, "send"),
                new(MessagingTags.OperationType, "send"),
                new(MessagingTags.DestinationName, topic),
                new(MessagingTags.KafkaMessageKey, message.Key),
            ]);
        Activity.Current = caller;
        headers = WithTraceContext(activity, message.Headers);
        return activity;
    }

    public static void Complete(Activity? activity, DeliveryReport report, string? errorType)
    {
        if (activity is null)
        {
            return;
        }
        activity.SetTag(MessagingTags.PartitionId, report.Partition.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (report.Delivered)
        {
            activity.SetTag(MessagingTags.KafkaOffset, report.Offset);
        }
        else
        {
            activity.SetTag(MessagingTags.ErrorType, errorType ?? "_OTHER");
            activity.SetStatus(ActivityStatusCode.Error, report.Error);
        }
        var current = Activity.Current;
        activity.Stop();
        Activity.Current = current;
    }

    /// <summary>
    /// Headers carrying the send span's context; with no span, the caller's context unless the message already carries
    /// one (the ingest side may have injected its own).
    /// </summary>
    private static IReadOnlyList<KeyValuePair<string, byte[]>> WithTraceContext(Activity? activity,
        IReadOnlyList<KeyValuePair<string, byte[]>> original)
    {
        if (activity is null && (Activity.Current is null || CarriesContext(original)))
        {
            return original;
        }
        var headers = new List<KeyValuePair<string, byte[]>>(original.Count + 2);
        headers.AddRange(original.Where(h => !TraceHeaders.Contains(h.Key)));
        EventTraceContext.Inject(activity, headers);
        return headers;
    }

    private static bool CarriesContext(IReadOnlyList<KeyValuePair<string, byte[]>> headers)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Key == "traceparent")
            {
                return true;
            }
        }
        return false;
    }
}
