using Churn.Domain.Customers;

namespace Churn.Domain.Models;

/// <summary>A categorical customer field the card keeps level shares of; <see cref="Level"/> names a record's level as the card does.</summary>
public sealed record CategoricalField(string Name, Func<CustomerRecord, string> Level);
