using Churn.Core.Models;

namespace Churn.Core.Pipeline;

/// <summary>
/// Port: where predictions live (MongoDB, or the embedded SQLite file). Writes are idempotent by
/// <see cref="Prediction.EventId"/>: writing the same prediction twice leaves one.
/// </summary>
public interface IPredictionStore
{
    /// <summary>Creates collections/tables and the indexes the queries use. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Upserts the batch by event id; returns only when the batch is durable. Throws on outage.</summary>
    Task UpsertAsync(IReadOnlyList<Prediction> predictions, CancellationToken cancellationToken);

    Task<Prediction?> GetAsync(string eventId, CancellationToken cancellationToken);

    Task<PredictionPage> QueryAsync(PredictionQuery query, CancellationToken cancellationToken);

    /// <summary>A customer's predictions, newest first.</summary>
    Task<IReadOnlyList<Prediction>> GetCustomerHistoryAsync(string customerId, int limit, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);

    Task<PredictionStats> GetStatsAsync(StatsQuery query, CancellationToken cancellationToken);

    /// <summary>Records a model card the pipeline has served (collection <c>churn.models</c>). Idempotent by version.</summary>
    Task RegisterModelAsync(ModelCard card, CancellationToken cancellationToken);

    Task<IReadOnlyList<ModelCard>> GetModelsAsync(CancellationToken cancellationToken);
}

public enum PredictionSort { ScoredAtDesc, ScoredAtAsc, ProbabilityDesc, ProbabilityAsc }

public sealed record PredictionQuery
{
    public const int MaxPageSize = 200;

    public string? State { get; init; }
    public RiskBand? RiskBand { get; init; }
    public bool? PredictedChurn { get; init; }
    public double? MinProbability { get; init; }
    public string? CustomerId { get; init; }
    /// <summary>Inclusive lower bound on <see cref="Prediction.ScoredAt"/>.</summary>
    public DateTimeOffset? From { get; init; }
    /// <summary>Exclusive upper bound on <see cref="Prediction.ScoredAt"/>.</summary>
    public DateTimeOffset? To { get; init; }
    public PredictionSort Sort { get; init; } = PredictionSort.ScoredAtDesc;
    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

public sealed record PredictionPage(IReadOnlyList<Prediction> Items, long Total, int Page, int PageSize);

public sealed record StatsQuery
{
    /// <summary>Width of a throughput bucket.</summary>
    public TimeSpan Bucket { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>How far back the throughput series goes from now.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(1);
    public int HistogramBins { get; init; } = 10;
}

public sealed record PredictionStats
{
    public required long Total { get; init; }
    public required long PredictedChurn { get; init; }
    public double PredictedChurnRate => Total == 0 ? 0 : (double)PredictedChurn / Total;
    public required IReadOnlyDictionary<RiskBand, long> ByRiskBand { get; init; }
    public required IReadOnlyList<StateStats> ByState { get; init; }
    /// <summary>Counts of probabilities in equal-width bins over [0, 1].</summary>
    public required IReadOnlyList<long> ProbabilityHistogram { get; init; }
    public required IReadOnlyList<ThroughputPoint> Throughput { get; init; }
    /// <summary>Confusion counts over predictions whose actual label is known.</summary>
    public required LabelledOutcomes Labelled { get; init; }
}

public sealed record StateStats(string State, long Total, long PredictedChurn, double MeanProbability);

public sealed record ThroughputPoint(DateTimeOffset Start, long Count);

public sealed record LabelledOutcomes(long TruePositives, long FalsePositives, long FalseNegatives, long TrueNegatives)
{
    public long Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;
    public double? Accuracy => Total == 0 ? null : (double)(TruePositives + TrueNegatives) / Total;
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);
    public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);
}
