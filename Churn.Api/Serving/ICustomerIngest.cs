namespace Churn.Api.Serving;

/// <summary>The ingest side seen from the Api: publishes customers into the stream (Kafka or the embedded transport).</summary>
public interface ICustomerIngest
{
    /// <summary>Publishes already validated customers; returns their event ids in input order once the transport accepted them.</summary>
    Task<IReadOnlyList<string>> PublishAsync(IReadOnlyList<IdentifiedCustomer> customers, CancellationToken cancellationToken);

    /// <summary>Replays the configured test file through ingest (stable event ids: a replay upserts, never duplicates).</summary>
    Task<ReplayReport> ReplayAsync(CancellationToken cancellationToken);
}

public sealed record IdentifiedCustomer(string CustomerId, CustomerRecord Customer);

/// <param name="Source">The replayed file, e.g. <c>csv:churn-bigml-20.csv</c>.</param>
/// <param name="Published">Rows published as events.</param>
/// <param name="Rejected">Rows that failed the contract (dead-lettered with a reason).</param>
public sealed record ReplayReport(string Source, int Published, int Rejected);
