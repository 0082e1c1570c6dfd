using Churn.Api.Extensions;
using Churn.Api.Idempotency;
using Churn.Api.Ingest;
using Churn.Api.Limits;
using Churn.Api.Live;
using Churn.Api.Stats;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Validation;

namespace Churn.Api.Apis;

/// <summary>
/// What the endpoints depend on, bound with <c>[AsParameters]</c> (eShop's CatalogServices pattern). Services, not
/// input: validation must not walk into them (doing so made every POST /api/score 5× slower, docs/performance.md).
/// </summary>
#pragma warning disable ASP0029 // SkipValidation is marked experimental in .NET 10; it is the documented opt-out
[SkipValidation]
#pragma warning restore ASP0029
public sealed class ChurnServices(IPredictionStore store, ModelProvider model, CustomerIngest ingest, IPredictionFeed feed,
    StatsCache stats, IdempotencyCache idempotency, IOptions<ChurnApiOptions> options, IOptions<RateLimitOptions> limitOptions,
    ILogger<ChurnServices> logger)
{
    public IPredictionStore Store { get; } = store;
    public ModelProvider Model { get; } = model;
    public CustomerIngest Ingest { get; } = ingest;
    public IPredictionFeed Feed { get; } = feed;
    public StatsCache Stats { get; } = stats;
    public IdempotencyCache Idempotency { get; } = idempotency;
    public IOptions<ChurnApiOptions> Options { get; } = options;
    public ILogger<ChurnServices> Logger { get; } = logger;
    public ChurnApiOptions Settings => Options.Value;
    public IOptions<RateLimitOptions> LimitOptions { get; } = limitOptions;
    public RateLimitOptions Limits => LimitOptions.Value;
}
