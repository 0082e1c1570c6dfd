namespace Churn.Api.Ingest;

/// <summary>What the transport did with the events of published customers.</summary>
/// <param name="EventIds">One event id per customer, in input order.</param>
/// <param name="Failures">Events the transport did not accept, with its reason (empty when all were delivered).</param>
public sealed record PublishOutcome(IReadOnlyList<string> EventIds, IReadOnlyList<string> Failures);
