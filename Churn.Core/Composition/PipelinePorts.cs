using Microsoft.Extensions.Configuration;

namespace Churn.Core.Composition;

/// <summary>
/// The one decision of which implementation serves each port, read from configuration: <c>Churn:Transport</c>
/// (<c>embedded</c> | <c>kafka</c>) and <c>Churn:Store</c> (<c>sqlite</c> | <c>mongodb</c>). The AppHost sets both on
/// every service. A service started without it falls back per port: Kafka when <c>ConnectionStrings:kafka</c> is set,
/// else embedded; MongoDB when <c>ConnectionStrings:mongodb</c> is set, else SQLite. <see cref="TransportReason"/> and
/// <see cref="StoreReason"/> say which rule decided.
/// </summary>
public sealed record PipelinePorts(TransportKind Transport, StoreKind Store, string TransportReason, string StoreReason)
{
    public const string TransportKey = "Churn:Transport";
    public const string StoreKey = "Churn:Store";
    public const string KafkaConnectionName = "kafka";
    public const string MongoDBConnectionName = "mongodb";

    public static PipelinePorts From(IConfiguration configuration)
    {
        var (transport, transportReason) = Choose(configuration, TransportKey, KafkaConnectionName,
            TransportKind.Kafka, TransportKind.Embedded);
        var (store, storeReason) = Choose(configuration, StoreKey, MongoDBConnectionName, StoreKind.MongoDB, StoreKind.Sqlite);
        return new PipelinePorts(transport, store, transportReason, storeReason);
    }

    private static (T Kind, string Reason) Choose<T>(IConfiguration configuration, string key, string connectionName,
        T withConnection, T without) where T : struct, Enum
    {
        var configured = configuration[key];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Enum.TryParse<T>(configured, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
                ? (kind, $"{key} is '{configured}'")
                : throw new InvalidOperationException(
                    $"{key}='{configured}' is not one of: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
        }
        return string.IsNullOrWhiteSpace(configuration.GetConnectionString(connectionName))
            ? (without, $"{key} is not set and ConnectionStrings:{connectionName} is not set")
            : (withConnection, $"{key} is not set and ConnectionStrings:{connectionName} is");
    }
}
