using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Churn.AppHost.Infrastructure;

public static class DataPreflightExtensions
{
    /// <summary>
    /// A refusal goes to stderr (the caller then exits with <see cref="DataPreflight.RefusedExitCode"/> before anything
    /// starts); true when the AppHost may go on.
    /// </summary>
    public static bool Proceeds(this DataPreflightResult result, TextWriter errors)
    {
        if (result.Outcome != DataPreflightOutcome.Refused)
        {
            return true;
        }
        errors.WriteLine(result.Message);
        return false;
    }

    /// <summary>Says at start what the services will ingest and why (a warning when it is the synthetic stream).</summary>
    public static IDistributedApplicationBuilder LogDataAtStart(this IDistributedApplicationBuilder builder, DataPreflightResult result)
    {
        builder.Eventing.Subscribe<BeforeStartEvent>((startEvent, _) =>
        {
            var logger = startEvent.Services.GetRequiredService<ILoggerFactory>().CreateLogger(ModeLogging.LoggerCategory);
            logger.Log(result.Outcome == DataPreflightOutcome.Synthetic ? LogLevel.Warning : LogLevel.Information, "{Data}", result.Message);
            return Task.CompletedTask;
        });
        return builder;
    }
}
