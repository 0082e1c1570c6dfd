namespace Churn.Api.Ingest;

/// <summary>What the transport did with the events of published customers, each named by its position in the request.</summary>
/// <param name="Accepted">Customers whose event the transport confirmed.</param>
/// <param name="NotAccepted">Customers whose event it refused, gave up on, or did not confirm in time (empty when all were).</param>
public sealed record PublishOutcome(IReadOnlyList<AcceptedCustomer> Accepted, IReadOnlyList<NotAcceptedCustomer> NotAccepted)
{
    /// <summary>Every event id in request order.</summary>
    public IReadOnlyList<string> EventIds =>
        [.. Accepted.Select(a => (a.Index, a.EventId)).Concat(NotAccepted.Select(n => (n.Index, n.EventId))).OrderBy(e => e.Index).Select(e => e.EventId)];
}
