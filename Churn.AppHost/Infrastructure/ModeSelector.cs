using Microsoft.Extensions.Configuration;

namespace Churn.AppHost.Infrastructure;

/// <summary>
/// Chooses the infrastructure mode, in this order: a forced <c>Churn:Mode</c>; connection strings in the AppHost's
/// configuration (both: external; Kafka alone: external Kafka with the SQLite store; MongoDB alone is refused); a
/// container runtime that answers (containers); otherwise embedded.
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
            if (!Enum.TryParse<InfrastructureMode>(forced.Replace("-", ""), ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
            {
                throw new InvalidOperationException(
                    $"{ModeKey}='{forced}' is not a mode; use containers, external, external-kafka or embedded (or leave it unset to detect).");
            }

            switch (mode)
            {
                case InfrastructureMode.External:
                    RequireConnectionStrings(configuration, $"{ModeKey}=external", KafkaConnectionKey, MongoConnectionKey);
                    break;
                case InfrastructureMode.ExternalKafka:
                    RequireConnectionStrings(configuration, $"{ModeKey}=external-kafka", KafkaConnectionKey);
                    break;
            }

            return new ModeSelection(mode, $"{ModeKey} is set to '{forced}'.");
        }

        var hasKafka = HasValue(configuration, KafkaConnectionKey);
        var hasMongo = HasValue(configuration, MongoConnectionKey);
        if (hasKafka && hasMongo)
        {
            return new ModeSelection(InfrastructureMode.External,
                $"{KafkaConnectionKey} and {MongoConnectionKey} are set in the AppHost configuration.");
        }
        if (hasKafka)
        {
            return new ModeSelection(InfrastructureMode.ExternalKafka,
                $"{KafkaConnectionKey} is set and {MongoConnectionKey} is not: ingest, scoring and the Api run as separate "
                + "processes over that Kafka and share the SQLite store under data/.");
        }
        if (hasMongo)
        {
            RequireConnectionStrings(configuration, $"{MongoConnectionKey} in the AppHost configuration", KafkaConnectionKey);
        }

        var runtime = probeContainerRuntime();
        return runtime.IsAvailable
            ? new ModeSelection(InfrastructureMode.Containers, $"{runtime.Description}; Kafka and MongoDB run as containers.")
            : new ModeSelection(InfrastructureMode.Embedded,
                $"No connection strings are configured and no container runtime answers ({runtime.Description}); "
                + "Churn.Api hosts ingest and scoring in-process over SQLite.");
    }

    private static void RequireConnectionStrings(IConfiguration configuration, string because, params string[] keys)
    {
        string[] missing = [.. keys.Where(key => !HasValue(configuration, key))];
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"{because} needs {string.Join(" and ", keys)}; missing: {string.Join(", ", missing)}.");
        }
    }

    private static bool HasValue(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
