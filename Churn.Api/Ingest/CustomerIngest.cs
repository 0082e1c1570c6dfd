using Churn.Api.Extensions;
using Churn.Api.Idempotency;
using Churn.Core.Ingest;
using Churn.Domain.Events;
using Microsoft.Extensions.Options;

namespace Churn.Api.Ingest;

/// <summary>
/// The ingest side seen from the Api, over the pipeline's own <see cref="IngestPublisher"/> and <see cref="IngestRunner"/>:
/// whichever transport is registered (the in-process log when embedded, Kafka when distributed) receives the events.
/// </summary>
public sealed class CustomerIngest(IngestPublisher publisher, IngestRunner runner, IOptions<IngestOptions> options,
    IOptions<ChurnApiOptions> apiOptions, IConfiguration configuration, TimeProvider time)
{
    /// <summary>
    /// The events of validated customers, in input order. Event id: the client's; else derived from the Idempotency-Key
    /// and the position (<see cref="IdempotencyKey.EventIdAt"/>); else a new <c>api-{UUIDv7}</c>. A customer without
    /// an id is named after its event, so a retry under the same event id is the same customer too.
    /// </summary>
    public IReadOnlyList<CustomerEvent> EventsFor(IReadOnlyList<IdentifiedCustomer> customers, IdempotencyKey? key) =>
    [
        .. customers.Select((c, i) =>
        {
            var eventId = c.EventId ?? key?.EventIdAt(i) ?? publisher.NewEventId();
            return publisher.EventFor(eventId, c.CustomerId.Length > 0 ? c.CustomerId : eventId, c.Customer);
        }),
    ];

    /// <summary>
    /// Publishes the events (under the request's trace) and waits for the transport's confirmations, for at most
    /// <see cref="ChurnApiOptions.PublishTimeout"/> and never after <paramref name="requestAborted"/>: a publish still
    /// waiting for room in the transport then gives up, and a confirmation still outstanding is reported as such.
    /// </summary>
    public async Task<PublishOutcome> PublishAsync(IReadOnlyList<CustomerEvent> events, CancellationToken requestAborted)
    {
        var timeout = apiOptions.Value.PublishTimeout;
        using var deadline = new CancellationTokenSource(timeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, deadline.Token);
        var deliveries = events.Select(e => publisher.PublishAsync(e, bounded.Token)).ToList();
        try
        {
            await Task.WhenAll(deliveries);
        }
        catch (OperationCanceledException) when (bounded.IsCancellationRequested)
        {
            // Each delivery below says what became of it.
        }
        var accepted = new List<AcceptedCustomer>();
        var notAccepted = new List<NotAcceptedCustomer>();
        for (var i = 0; i < events.Count; i++)
        {
            var (e, delivery) = (events[i], deliveries[i]);
            if (delivery.IsCompletedSuccessfully && delivery.Result.Delivered)
            {
                accepted.Add(new AcceptedCustomer(i, e.CustomerId, e.EventId));
                continue;
            }
            var reason = delivery.IsCompletedSuccessfully
                ? delivery.Result.Error!
                : $"The transport did not confirm the event within the publish deadline ({timeout}, Churn:PublishTimeout); it may still arrive.";
            notAccepted.Add(new NotAcceptedCustomer(i, e.CustomerId, e.EventId, reason));
        }
        return new PublishOutcome(accepted, notAccepted);
    }

    /// <summary>The CSV file a replay reads: <c>Churn:Ingest:File</c> resolved against <c>Churn:DataDirectory</c>.</summary>
    public string ReplayFile => IngestService.ResolveCsvPath(options.Value.File, configuration);

    /// <summary>Replays the test file once, as fast as the transport accepts (stable event ids: a replay upserts, never duplicates).</summary>
    public async Task<ReplayReport> ReplayAsync(CancellationToken cancellationToken)
    {
        var source = new CsvReplaySource(ReplayFile, time);
        var summary = await runner.RunAsync(source.Read(), rate: 0, TimeSpan.FromSeconds(5), options.Value.FlushTimeout, cancellationToken);
        return new ReplayReport($"csv:{Path.GetFileName(source.Path)}", (int)summary.Delivered, (int)summary.Rejected,
            (int)summary.DeliveryFailures);
    }
}
