using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Churn.AppHost.Infrastructure;

public static class ModeLogging
{
    public const string LoggerCategory = "Churn.AppHost";

    /// <summary>Logs the chosen mode and why, as the first thing the AppHost says when it starts.</summary>
    public static IDistributedApplicationBuilder LogModeAtStart(this IDistributedApplicationBuilder builder, ModeSelection selection)
    {
        builder.Eventing.Subscribe<BeforeStartEvent>((startEvent, _) =>
        {
            var logger = startEvent.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
            logger.LogInformation("Infrastructure mode: {Mode}. {Reason}", selection.Mode, selection.Reason);
            return Task.CompletedTask;
        });

        return builder;
    }
}
