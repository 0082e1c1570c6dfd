using System.ComponentModel;

namespace Churn.Domain.Api;

/// <summary>A customer of POST /api/customers that the stream did not confirm (listed in a partial failure's ProblemDetails).</summary>
public sealed record NotAcceptedCustomer(
    [property: Description("Position in the request's customers array (0-based).")] int Index,
    string CustomerId,
    [property: Description("The event id it was (or would have been) published under: resend it with this id (eventId, or the same Idempotency-Key) and it is written once.")] string EventId,
    [property: Description("What the transport said, or that it did not confirm within the publish deadline (then it may still arrive).")] string Reason);
