namespace Churn.Api.Ingest;

/// <summary>A validated customer with the ids the client gave it (empty customer id, null event id: none given).</summary>
public sealed record IdentifiedCustomer(string CustomerId, CustomerRecord Customer, string? EventId = null);
