using Churn.Domain.Retention;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Validation;

namespace Churn.Api.Retention;

/// <summary>The retention settings the endpoints read, bound with <c>[AsParameters]</c> and never validated per request (they were at start).</summary>
#pragma warning disable ASP0029 // SkipValidation is marked experimental in .NET 10; it is the documented opt-out
[SkipValidation]
#pragma warning restore ASP0029
public sealed class RetentionServices(IOptions<RetentionOptions> retentionOptions)
{
    /// <summary>Named apart from <see cref="Apis.ChurnServices"/>' members: both are flattened into one endpoint's parameters.</summary>
    public IOptions<RetentionOptions> RetentionOptions { get; } = retentionOptions;

    public RetentionOptions Settings => RetentionOptions.Value;

    public RetentionEconomics Economics => Settings.Economics;
}
