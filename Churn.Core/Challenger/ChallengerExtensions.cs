using Churn.Core.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Churn.Core.Challenger;

public static class ChallengerExtensions
{
    /// <summary>
    /// Registers the challenger (options <see cref="ChallengerOptions.SectionName"/>, the slot resolved against the
    /// content root, by default <c>challenger</c> under the model directory; hot reload like the serving model),
    /// <see cref="ChallengerPromotion"/> and the <see cref="ChallengerTelemetry.Name"/> meter. Needs <c>AddChurnModel</c>
    /// (its model options and the serving <see cref="ModelProvider"/>, which promotion swaps). Enough to show and promote
    /// the challenger; hosts that score add <see cref="AddShadowScoring"/>.
    /// </summary>
    public static IHostApplicationBuilder AddChallengerModel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ChallengerOptions>().BindConfiguration(ChallengerOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChallengerMetrics>();
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton(sp =>
        {
            var model = sp.GetRequiredService<IOptions<ModelOptions>>().Value;
            var resolvedModel = model with { Directory = Path.GetFullPath(model.Directory, contentRoot) };
            var challenger = sp.GetRequiredService<IOptions<ChallengerOptions>>().Value;
            var resolved = challenger with
            {
                Directory = challenger.Directory is { Length: > 0 } slot
                    ? Path.GetFullPath(slot, contentRoot)
                    : Path.Combine(resolvedModel.Directory, ChallengerOptions.DefaultSlotName),
            };
            return ActivatorUtilities.CreateInstance<ChallengerProvider>(sp, Options.Create(resolved), Options.Create(resolvedModel));
        });
        services.AddHostedService(sp => sp.GetRequiredService<ChallengerProvider>());
        services.AddSingleton<ChallengerPromotion>();
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(ChallengerTelemetry.Name));
        return builder;
    }

    /// <summary>
    /// Registers the <see cref="ShadowScorer"/> that the scoring worker hands every written batch to (and its loop as a
    /// hosted service). Needs <see cref="AddChallengerModel"/> and a store that serves <c>IShadowPredictionStore</c>.
    /// </summary>
    public static IHostApplicationBuilder AddShadowScoring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ShadowScorer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ShadowScorer>());
        return builder;
    }
}
