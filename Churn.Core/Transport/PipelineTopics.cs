namespace Churn.Core.Transport;

/// <summary>The pipeline's topics.</summary>
public static class PipelineTopics
{
    public const string Customers = "churn.customers";
    public const string DeadLetters = "churn.customers.dlq";
}
