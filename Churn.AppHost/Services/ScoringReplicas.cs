using Microsoft.Extensions.Configuration;

namespace Churn.AppHost.Services;

/// <summary>
/// How many Scoring processes share the partitions of churn.customers in one consumer group (Churn:ScoringReplicas,
/// default 2) when the transport is Kafka.
/// </summary>
public static class ScoringReplicas
{
    public const string Key = "Churn:ScoringReplicas";
    public const int Default = 2;

    public static int From(IConfiguration configuration) =>
        configuration.GetValue(Key, Default) is var replicas and >= 1
            ? replicas
            : throw new InvalidOperationException($"{Key} must be 1 or more.");
}
