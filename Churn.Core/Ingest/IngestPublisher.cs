using System.Diagnostics;
using System.Globalization;
using System.Text;
using Churn.Core.Transport;
using Churn.Domain.Customers;
using Churn.Domain.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Churn.Core.Ingest;

/// <summary>
/// Turns ingest items into messages. A valid event is re-validated against the customer contract, serialized, and
/// published to the customers topic keyed by customerId with content-type, schema-version and ingested-at headers.
/// An input that breaks the contract goes to the dead-letter topic with <c>dlq-reason</c>/<c>dlq-source</c> headers
/// and is counted by reason. Never throws for bad input. Each item gets an <c>ingest</c> span, current while the
/// transport publishes: a root span for replayed/synthetic rows (one row = one trace), a child of the caller's span
/// for API events. The transports (embedded and Kafka) start the <c>send {topic}</c> PRODUCER span under it and
/// inject that span's W3C context into the headers, so this class does not add a second send span.
/// </summary>
public sealed partial class IngestPublisher(IEventPublisher publisher, IOptions<PipelineTopicsOptions> topics,
    IngestMetrics metrics, TimeProvider time, ILogger<IngestPublisher> logger)
{
    public const string DlqSource = "dlq-source";

    /// <summary>Where events and rejections go.</summary>
    public PipelineTopicsOptions Topics { get; } = topics.Value;
    private static readonly byte[] ContentType = Encoding.UTF8.GetBytes(CustomerEventJson.ContentType);
    private static readonly byte[] SchemaVersion =
        Encoding.UTF8.GetBytes(CustomerEvent.CurrentSchemaVersion.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Publishes <paramref name="item"/>; <paramref name="onDelivered"/> (optional) gets the transport's report. A publish
    /// blocked on a full transport gives up (a failed, transient report) when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public void Publish(IngestItem item, bool asRootTrace = true, Action<DeliveryReport>? onDelivered = null,
        CancellationToken cancellationToken = default)
    {
        var saved = Activity.Current;
        if (asRootTrace)
        {
            Activity.Current = null;
        }
        try
        {
            using var ingest = IngestTelemetry.Source.StartActivity("ingest");
            ingest?.SetTag("churn.ingest.origin", item.Origin);
            var reason = item.Event is { } candidate ? Validate(candidate) : item.RejectionReason ?? "no event";
            if (reason is null && item.Event is { } e)
            {
                ingest?.SetTag("churn.event_id", e.EventId);
                Send(e, onDelivered, cancellationToken);
            }
            else
            {
                reason ??= "no event";
                ingest?.SetStatus(ActivityStatusCode.Error, reason);
                Reject(item, reason, item.RejectionKind ?? "contract", onDelivered, cancellationToken);
            }
        }
        finally
        {
            Activity.Current = saved;
        }
    }

    /// <summary>
    /// Publishes one event and waits for the transport's confirmation (the API's single events; the API validates
    /// first and answers ProblemDetails, so an invalid event here is a caller bug: <see cref="ArgumentException"/>).
    /// When <paramref name="cancellationToken"/> fires, a publish still waiting for room in the transport gives up (its
    /// report says so) and a wait for a confirmation still outstanding ends (the task is cancelled: the event may or may
    /// not be delivered later).
    /// </summary>
    public Task<DeliveryReport> PublishAsync(CustomerEvent e, CancellationToken cancellationToken)
    {
        if (Validate(e) is { } reason)
        {
            throw new ArgumentException($"event {e.EventId} breaks the customer contract: {reason}", nameof(e));
        }
        var delivered = new TaskCompletionSource<DeliveryReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        Publish(IngestItem.For(e, e.Source), asRootTrace: false, delivered.SetResult, cancellationToken);
        return delivered.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Publishes several events (e.g. one API request) and waits for every delivery report, in input order.</summary>
    public async Task<IReadOnlyList<DeliveryReport>> PublishAllAsync(IReadOnlyList<CustomerEvent> events,
        CancellationToken cancellationToken)
    {
        var deliveries = events.Select(e => PublishAsync(e, cancellationToken)).ToList();
        return await Task.WhenAll(deliveries);
    }

    /// <summary>A new event for a customer submitted live (no label): <c>eventId = api-{UUIDv7}</c>.</summary>
    public CustomerEvent NewEvent(string customerId, CustomerRecord customer, string source = "api") =>
        EventFor(NewEventId(), customerId, customer, source);

    /// <summary>A new id for an event submitted live: <c>api-{UUIDv7}</c>.</summary>
    public string NewEventId() => $"api-{Guid.CreateVersion7(time.GetUtcNow()):N}";

    /// <summary>An event for a customer submitted live under an id chosen by the caller (the same id again is the same event).</summary>
    public CustomerEvent EventFor(string eventId, string customerId, CustomerRecord customer, string source = "api") => new()
    {
        EventId = eventId,
        CustomerId = customerId,
        OccurredAt = time.GetUtcNow(),
        Source = source,
        Customer = customer,
    };

    private static string? Validate(CustomerEvent e) => CustomerEventRules.Validate(e);

    private void Send(CustomerEvent e, Action<DeliveryReport>? onDelivered, CancellationToken cancellationToken)
    {
        var headers = new List<KeyValuePair<string, byte[]>>(6)
        {
            new(EventHeaders.ContentType, ContentType),
            new(EventHeaders.SchemaVersion, SchemaVersion),
            new(EventHeaders.IngestedAt, Encoding.UTF8.GetBytes(time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))),
        };
        var message = new EventMessage(e.CustomerId, CustomerEventJson.Serialize(e), headers);
        publisher.Publish(Topics.Customers, message, report =>
        {
            if (report.Delivered)
            {
                metrics.Ingested.Add(1);
            }
            else
            {
                metrics.DeliveryFailures.Add(1);
                LogDeliveryFailed(e.EventId, report.Error);
            }
            onDelivered?.Invoke(report);
        }, cancellationToken);
    }

    private void Reject(IngestItem item, string reason, string kind, Action<DeliveryReport>? onDelivered,
        CancellationToken cancellationToken)
    {
        metrics.Rejected.Add(1, new KeyValuePair<string, object?>("reason", kind));
        LogRejected(item.Origin, reason);
        var raw = item.Raw ?? (item.Event is { } e ? Encoding.UTF8.GetString(CustomerEventJson.Serialize(e)) : "");
        var headers = new List<KeyValuePair<string, byte[]>>
        {
            new(EventHeaders.DlqReason, Encoding.UTF8.GetBytes(reason)),
            new(DlqSource, Encoding.UTF8.GetBytes(item.Origin)),
        };
        var message = new EventMessage(item.Event?.CustomerId ?? item.Origin, Encoding.UTF8.GetBytes(raw), headers);
        publisher.Publish(Topics.DeadLetters, message, report =>
        {
            if (!report.Delivered)
            {
                metrics.DeliveryFailures.Add(1);
                LogDeliveryFailed(item.Origin, report.Error);
            }
            onDelivered?.Invoke(report);
        }, cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "Rejected {Origin}: {Reason}")]
    private partial void LogRejected(string origin, string reason);

    [LoggerMessage(LogLevel.Error, "Delivery of {What} failed: {Error}")]
    private partial void LogDeliveryFailed(string what, string? error);
}
