using System.Collections.Concurrent;
using Churn.Core.Models;
using Churn.Core.Pipeline;

namespace Churn.Api.Tests.Doubles;

/// <summary>A small in-memory IPredictionStore with the port's query semantics (a test double for the Api).</summary>
public sealed class InMemoryPredictionStore : IPredictionStore
{
    private readonly ConcurrentDictionary<string, Prediction> predictions = new();
    private readonly ConcurrentDictionary<string, ModelCard> models = new();

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task UpsertAsync(IReadOnlyList<Prediction> batch, CancellationToken cancellationToken)
    {
        foreach (var p in batch) predictions[p.EventId] = p;
        return Task.CompletedTask;
    }

    public Task<Prediction?> GetAsync(string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(predictions.GetValueOrDefault(eventId));

    public Task<PredictionPage> QueryAsync(PredictionQuery q, CancellationToken cancellationToken)
    {
        var matching = predictions.Values.Where(p =>
            (q.State is null || p.State == q.State) && (q.RiskBand is null || p.RiskBand == q.RiskBand)
            && (q.PredictedChurn is null || p.PredictedChurn == q.PredictedChurn)
            && (q.MinProbability is null || p.ChurnProbability >= q.MinProbability)
            && (q.CustomerId is null || p.CustomerId == q.CustomerId)
            && (q.From is null || p.ScoredAt >= q.From) && (q.To is null || p.ScoredAt < q.To)).ToList();
        IEnumerable<Prediction> sorted = q.Sort switch
        {
            PredictionSort.ScoredAtAsc => matching.OrderBy(p => p.ScoredAt).ThenBy(p => p.EventId),
            PredictionSort.ProbabilityDesc => matching.OrderByDescending(p => p.ChurnProbability).ThenBy(p => p.EventId),
            PredictionSort.ProbabilityAsc => matching.OrderBy(p => p.ChurnProbability).ThenBy(p => p.EventId),
            _ => matching.OrderByDescending(p => p.ScoredAt).ThenBy(p => p.EventId),
        };
        var items = sorted.Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToList();
        return Task.FromResult(new PredictionPage(items, matching.Count, q.Page, q.PageSize));
    }

    public Task<IReadOnlyList<Prediction>> GetCustomerHistoryAsync(string customerId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Prediction>>(
            [.. predictions.Values.Where(p => p.CustomerId == customerId).OrderByDescending(p => p.ScoredAt).Take(limit)]);

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)predictions.Count);

    public Task<PredictionStats> GetStatsAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        var all = predictions.Values.ToList();
        var histogram = new long[query.HistogramBins];
        foreach (var p in all) histogram[Math.Min(query.HistogramBins - 1, (int)(p.ChurnProbability * query.HistogramBins))]++;
        var labelled = all.Where(p => p.ActualChurn is not null).ToList();
        return Task.FromResult(new PredictionStats
        {
            Total = all.Count,
            PredictedChurn = all.Count(p => p.PredictedChurn),
            ByRiskBand = Enum.GetValues<RiskBand>().ToDictionary(b => b, b => (long)all.Count(p => p.RiskBand == b)),
            ByState = [.. all.GroupBy(p => p.State).Select(g =>
                new StateStats(g.Key, g.Count(), g.Count(p => p.PredictedChurn), g.Average(p => p.ChurnProbability)))],
            ProbabilityHistogram = histogram,
            Throughput = [],
            Labelled = new LabelledOutcomes(
                labelled.Count(p => p.PredictedChurn && p.ActualChurn == true), labelled.Count(p => p.PredictedChurn && p.ActualChurn == false),
                labelled.Count(p => !p.PredictedChurn && p.ActualChurn == true), labelled.Count(p => !p.PredictedChurn && p.ActualChurn == false)),
        });
    }

    public Task RegisterModelAsync(ModelCard card, CancellationToken cancellationToken)
    {
        models[card.Version] = card;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ModelCard>> GetModelsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ModelCard>>([.. models.Values.OrderByDescending(m => m.Created)]);
}
