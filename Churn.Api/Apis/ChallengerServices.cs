using Churn.Api.Retention;
using Churn.Core.Challenger;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Validation;

namespace Churn.Api.Apis;

/// <summary>What the challenger endpoints depend on, bound with <c>[AsParameters]</c> (like <see cref="ChurnServices"/>).</summary>
#pragma warning disable ASP0029 // SkipValidation is marked experimental in .NET 10; it is the documented opt-out
[SkipValidation]
#pragma warning restore ASP0029
public sealed class ChallengerServices(ChallengerProvider challenger, ChallengerPromotion promotion, ModelProvider champion,
    IShadowPredictionStore shadow, IOptions<ChallengerOptions> options, IOptions<RetentionOptions> retention,
    ILogger<ChallengerServices> logger)
{
    public ChallengerProvider Challenger { get; } = challenger;
    public ChallengerPromotion Promotion { get; } = promotion;
    public ModelProvider Champion { get; } = champion;
    public IShadowPredictionStore Shadow { get; } = shadow;
    public IOptions<ChallengerOptions> Options { get; } = options;
    public IOptions<RetentionOptions> Retention { get; } = retention;
    public ILogger<ChallengerServices> Logger { get; } = logger;
}
