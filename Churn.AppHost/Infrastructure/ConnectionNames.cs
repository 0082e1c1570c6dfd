namespace Churn.AppHost.Infrastructure;

/// <summary>Connection names the services read as ConnectionStrings:{name}; identical in every mode.</summary>
public static class ConnectionNames
{
    public const string Kafka = "kafka";
    public const string MongoDb = "mongodb";
}
