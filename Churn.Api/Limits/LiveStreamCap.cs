using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Churn.Api.Limits;

/// <summary>
/// The total cap on live streams, as the rate limiter's global limiter: one <see cref="ConcurrencyLimiter"/> shared by
/// every request to an endpoint under <see cref="RateLimitExtensions.LiveStreamPolicy"/> (whose own per-client limit
/// runs after it); every other request passes untouched. A refusal says it was this cap (<see cref="Scope"/>).
/// </summary>
internal sealed class LiveStreamCap(int streamsTotal) : PartitionedRateLimiter<HttpContext>
{
    /// <summary>Lease metadata naming which limit refused.</summary>
    public static readonly MetadataName<string> Scope = new("churn.rate_limit.scope");

    public const string TotalScope = "streams-total";

    private static readonly RateLimiter Unlimited = RateLimitPartition.GetNoLimiter(0).Factory(0);

    private readonly ConcurrencyLimiter streams = new(new ConcurrencyLimiterOptions { PermitLimit = streamsTotal, QueueLimit = 0 });

    public static bool IsLiveStream(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == RateLimitExtensions.LiveStreamPolicy;

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => LimiterFor(resource).GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        Labelled(LimiterFor(resource).AttemptAcquire(permitCount));

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount,
        CancellationToken cancellationToken) =>
        Labelled(await LimiterFor(resource).AcquireAsync(permitCount, cancellationToken));

    protected override void Dispose(bool disposing)
    {
        if (disposing) streams.Dispose();
    }

    private RateLimiter LimiterFor(HttpContext resource) => IsLiveStream(resource) ? streams : Unlimited;

    private static RateLimitLease Labelled(RateLimitLease lease) => lease.IsAcquired ? lease : new Refused(lease);

    /// <summary>A refused lease of the total cap, saying so.</summary>
    private sealed class Refused(RateLimitLease inner) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [Scope.Name, .. inner.MetadataNames];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (metadataName == Scope.Name)
            {
                metadata = TotalScope;
                return true;
            }
            return inner.TryGetMetadata(metadataName, out metadata);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
        }
    }
}
