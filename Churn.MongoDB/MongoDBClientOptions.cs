namespace Churn.MongoDB;

/// <summary>
/// The MongoDB client (configuration section <c>Churn:MongoDB</c>, in the shape of Aspire's <c>MongoDBSettings</c>).
/// <c>ConnectionStrings:{name}</c> wins over <see cref="ConnectionString"/>.
/// </summary>
public sealed class MongoDBClientOptions
{
    public const string SectionName = "Churn:MongoDB";

    public string? ConnectionString { get; set; }

    /// <summary>The database when the connection string names none.</summary>
    public string DatabaseName { get; set; } = "churn";

    public bool DisableHealthChecks { get; set; }

    /// <summary>How long the health check's <c>{ping: 1}</c> may take before the check reports unhealthy.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Turns off the driver's OpenTelemetry spans (source <c>MongoDB.Driver</c>) for this client.</summary>
    public bool DisableTracing { get; set; }
}
