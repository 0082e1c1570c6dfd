using System.ComponentModel;

namespace Churn.Domain.Api;

/// <summary>Body of POST /api/score and POST /api/customers.</summary>
public sealed record CustomerBatchRequest
{
    [Description("One or more customers (at most Churn:MaxBatchSize, 1,000 by default).")]
    public IReadOnlyList<CustomerInput?>? Customers { get; init; }
}
