namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// The hosts of one pipeline run, composed with the product's registrations: one that publishes (its
/// <c>IngestRunner</c>) and the scoring hosts that store (each with a <see cref="LatencyRecordingStore"/> on the run's
/// recorder). The embedded flow is one host in both roles; the Kafka flow a publisher and N scoring hosts.
/// </summary>
public interface IPipelineFlow : IAsyncDisposable
{
    string Transport { get; }

    /// <summary>How the events travel, for the command's first line.</summary>
    string Route { get; }

    IServiceProvider Publisher { get; }

    IReadOnlyList<IServiceProvider> ScoringHosts { get; }

    /// <summary>Started, the model serving and the store initialised in every host; ready to publish.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>What the transport saw during the run (Kafka only); read before <see cref="StopAsync"/>.</summary>
    KafkaRunFacts? Facts();

    Task StopAsync();
}
