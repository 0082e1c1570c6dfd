using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Churn.Web.Services;

/// <summary>
/// Set on a request whose page could not reach the Api, for the error page to say which address was tried and why.
/// </summary>
public sealed record ApiUnavailableFeature(Uri Address, string Reason)
{
    /// <summary>
    /// Why <paramref name="exception"/> means the Api cannot be reached (no connection, no such host, no answer in
    /// time, or the circuit breaker open after repeated failures); null for any other failure.
    /// </summary>
    public static string? Describe(Exception exception) => exception switch
    {
        HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError,
        } e => e.Message,
        TimeoutRejectedException e => e.Message,
        BrokenCircuitException => "too many calls to it failed just now; the Web waits a moment before trying again",
        { InnerException: { } inner } => Describe(inner),
        _ => null,
    };
}
