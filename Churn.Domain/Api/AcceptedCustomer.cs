using System.ComponentModel;

namespace Churn.Domain.Api;

/// <summary>A customer of POST /api/customers that the stream confirmed (listed in a partial failure's ProblemDetails).</summary>
public sealed record AcceptedCustomer(
    [property: Description("Position in the request's customers array (0-based).")] int Index,
    string CustomerId,
    [property: Description("The event it was published as; its prediction appears under this id once scored.")] string EventId);
