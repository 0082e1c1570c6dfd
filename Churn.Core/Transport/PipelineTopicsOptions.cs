using System.ComponentModel.DataAnnotations;

namespace Churn.Core.Transport;

/// <summary>The pipeline's topics (section <see cref="SectionName"/>): what ingest publishes to and scoring consumes.</summary>
public sealed record PipelineTopicsOptions
{
    public const string SectionName = "Churn:Topics";
    public const string DefaultCustomers = "churn.customers";
    public const string DefaultDeadLetters = "churn.customers.dlq";

    /// <summary>Customer events, keyed by customer id.</summary>
    [Required]
    public string Customers { get; init; } = DefaultCustomers;

    /// <summary>Records that could not be ingested or scored, with <c>dlq-*</c> headers saying why and where from.</summary>
    [Required]
    public string DeadLetters { get; init; } = DefaultDeadLetters;
}
