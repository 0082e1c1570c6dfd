using Churn.Domain.Customers;

namespace Churn.Domain.Models;

/// <summary>A numeric customer field the card keeps statistics on, by its C# property name.</summary>
public sealed record NumericField(string Name, Func<CustomerRecord, double> Value);
