using Churn.Core.Storage;
using Churn.Domain.Predictions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Churn.MongoDB;

public sealed partial class MongoPredictionStore
{
    /// <summary>Labelled predictions only: the filter of the partial index <c>labelled_scoredAt</c>, which serves it.</summary>
    internal static readonly BsonDocument Labelled = new("actualChurn", new BsonDocument("$exists", true));

    /// <summary>
    /// The newest predictions by the <c>scoredAt</c> index (or, for labelled ones, the partial index
    /// <c>labelled_scoredAt</c>, which holds only documents with <c>actualChurn</c>), limited on the server.
    /// </summary>
    public async Task<IReadOnlyList<Prediction>> GetLatestAsync(int limit, bool labelledOnly, CancellationToken cancellationToken)
    {
        var capped = PredictionQueries.LatestLimit(limit);
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var filter = labelledOnly ? Labelled : new BsonDocument();
        var documents = await _predictions.Find(filter).Sort(OrderBy(PredictionSort.ScoredAtDesc)).Limit(capped)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. documents.Select(MongoPredictionDocuments.ToPrediction)];
    }
}
