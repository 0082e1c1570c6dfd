namespace Churn.Api.Ingest;

/// <summary>A validated customer with the id it is published under (the client's, or one generated for it).</summary>
public sealed record IdentifiedCustomer(string CustomerId, CustomerRecord Customer);
