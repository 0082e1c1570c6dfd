namespace Churn.Domain.Customers;

/// <summary>One column of the contract: its BigML header <paramref name="Name"/> and camelCase JSON <paramref name="PropertyName"/>.</summary>
public sealed record CustomerColumn(CustomerField Field, string Name, string PropertyName, CustomerColumnKind Kind);
