using Churn.Core.Ingest;
using Microsoft.Extensions.Options;

namespace Churn.Api.Ingest;

/// <summary>
/// The ingest side seen from the Api, over the pipeline's own <see cref="IngestPublisher"/> and <see cref="IngestRunner"/>:
/// whichever transport is registered (the in-process log when embedded, Kafka when distributed) receives the events.
/// </summary>
public sealed class CustomerIngest(IngestPublisher publisher, IngestRunner runner, IOptions<IngestOptions> options,
    IConfiguration configuration, TimeProvider time)
{
    /// <summary>
    /// Publishes already validated customers as new events (<c>api-{UUIDv7}</c>, under the request's trace) and waits
    /// for the transport's confirmation; returns the event ids in input order and the ones the transport refused.
    /// </summary>
    public async Task<PublishOutcome> PublishAsync(IReadOnlyList<IdentifiedCustomer> customers, CancellationToken cancellationToken)
    {
        var events = customers.Select(c => publisher.NewEvent(c.CustomerId, c.Customer)).ToList();
        var reports = await publisher.PublishAllAsync(events, cancellationToken);
        var failures = events.Zip(reports).Where(e => !e.Second.Delivered).Select(e => $"{e.First.EventId}: {e.Second.Error}").ToList();
        return new PublishOutcome([.. events.Select(e => e.EventId)], failures);
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
