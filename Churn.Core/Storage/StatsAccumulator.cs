using Churn.Domain.Predictions;

namespace Churn.Core.Storage;

/// <summary>Folds grouped counts (state, histogram bin, band, predicted, actual) into <see cref="PredictionStats"/>.</summary>
internal sealed class StatsAccumulator(int bins)
{
    private readonly long[] _histogram = new long[bins];
    private readonly Dictionary<RiskBand, long> _bands = Enum.GetValues<RiskBand>().ToDictionary(b => b, _ => 0L);
    private readonly Dictionary<string, (long Total, long Churn, double ProbabilitySum)> _states = new(StringComparer.Ordinal);
    private long _total, _churn, _tp, _fp, _fn, _tn;

    public void Add(string state, int bin, RiskBand band, bool predicted, bool? actual, long count, double probabilitySum)
    {
        _total += count;
        _histogram[bin] += count;
        _bands[band] += count;
        var churn = predicted ? count : 0;
        _churn += churn;
        var s = _states.GetValueOrDefault(state);
        _states[state] = (s.Total + count, s.Churn + churn, s.ProbabilitySum + probabilitySum);
        switch (predicted, actual)
        {
            case (true, true): _tp += count; break;
            case (true, false): _fp += count; break;
            case (false, true): _fn += count; break;
            case (false, false): _tn += count; break;
        }
    }

    public PredictionStats ToStats(IReadOnlyList<ThroughputPoint> throughput) => new()
    {
        Total = _total,
        PredictedChurn = _churn,
        ByRiskBand = _bands,
        ByState = [.. _states
            .Select(s => new StateStats(s.Key, s.Value.Total, s.Value.Churn, s.Value.ProbabilitySum / s.Value.Total))
            .OrderByDescending(s => s.Total).ThenBy(s => s.State, StringComparer.Ordinal)],
        ProbabilityHistogram = _histogram,
        Throughput = throughput,
        Labelled = new LabelledOutcomes(_tp, _fp, _fn, _tn),
    };
}
