using System.Diagnostics.Metrics;

namespace Churn.Core.Serving;

/// <summary>Instruments of the <c>Churn.Model</c> meter. One per DI container (created from <see cref="IMeterFactory"/>).</summary>
public sealed class ModelMetrics
{
    private string? _servingVersion;

    public ModelMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(ModelTelemetry.Name);
        Swaps = meter.CreateCounter<long>("churn.model.swaps", "{swap}", "Models swapped in.");
        Rejections = meter.CreateCounter<long>("churn.model.rejections", "{model}",
            "Candidate models refused by validation (the current one kept serving).");
        meter.CreateObservableGauge("churn.model.current", ObserveServing, "{model}",
            "1, tagged with the version of the model currently serving.");
    }

    public Counter<long> Swaps { get; }
    public Counter<long> Rejections { get; }

    internal void Serving(string version) => Volatile.Write(ref _servingVersion, version);

    private IEnumerable<Measurement<int>> ObserveServing()
    {
        var version = Volatile.Read(ref _servingVersion);
        return version is null ? [] : [new Measurement<int>(1, new KeyValuePair<string, object?>("model.version", version))];
    }
}
