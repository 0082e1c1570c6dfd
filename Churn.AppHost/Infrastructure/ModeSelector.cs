using Microsoft.Extensions.Configuration;

namespace Churn.AppHost.Infrastructure;

/// <summary>
/// Chooses the infrastructure mode, in this order: a forced <c>Churn:Mode</c>; connection strings in the AppHost's
/// configuration (external); a container runtime that answers (containers); otherwise embedded.
/// </summary>
public static class ModeSelector
{
    public const string ModeKey = "Churn:Mode";
    public const string KafkaConnectionKey = "ConnectionStrings:" + ConnectionNames.Kafka;
    public const string MongoConnectionKey = "ConnectionStrings:" + ConnectionNames.MongoDb;

    public static ModeSelection Select(IConfiguration configuration, Func<ContainerRuntimeStatus> probeContainerRuntime)
    {
        var forced = configuration[ModeKey];
        if (!string.IsNullOrWhiteSpace(forced))
        {
            if (!Enum.TryParse<InfrastructureMode>(forced, ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
            {
                throw new InvalidOperationException(
                    $"{ModeKey}='{forced}' is not a mode; use containers, external or embedded (or leave it unset to detect).");
            }

            if (mode == InfrastructureMode.External)
            {
                RequireBothConnectionStrings(configuration, $"{ModeKey}=external");
            }

            return new ModeSelection(mode, $"{ModeKey} is set to '{forced}'.");
        }

        var hasKafka = HasValue(configuration, KafkaConnectionKey);
        var hasMongo = HasValue(configuration, MongoConnectionKey);
        if (hasKafka || hasMongo)
        {
            RequireBothConnectionStrings(configuration, "A connection string in the AppHost configuration");
            return new ModeSelection(InfrastructureMode.External,
                $"{KafkaConnectionKey} and {MongoConnectionKey} are set in the AppHost configuration.");
        }

        var runtime = probeContainerRuntime();
        return runtime.IsAvailable
            ? new ModeSelection(InfrastructureMode.Containers, $"{runtime.Description}; Kafka and MongoDB run as containers.")
            : new ModeSelection(InfrastructureMode.Embedded,
                $"No connection strings are configured and no container runtime answers ({runtime.Description}); "
                + "Churn.Api hosts ingest and scoring in-process over SQLite.");
    }

    private static void RequireBothConnectionStrings(IConfiguration configuration, string because)
    {
        string[] missing = [.. new[] { KafkaConnectionKey, MongoConnectionKey }.Where(key => !HasValue(configuration, key))];
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"{because} selects external mode, which needs both {KafkaConnectionKey} and {MongoConnectionKey}; "
                + $"missing: {string.Join(", ", missing)}.");
        }
    }

    private static bool HasValue(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
