using Churn.Core.Transport;
using Churn.Domain.Events;
using Churn.Domain.Models;
using Churn.Domain.Predictions;

namespace Churn.Core.Worker;

/// <summary>Turns a scored event into the stored <see cref="Prediction"/> (decision and band at the card's threshold, and
/// the reason codes computed with the probability, if any).</summary>
public static class PredictionBuilder
{
    public static Prediction Build(CustomerEvent e, float probability, ModelCard card, DateTimeOffset ingestedAt,
        DateTimeOffset scoredAt, PredictionReasons? reasons = null) => new()
    {
        EventId = e.EventId,
        CustomerId = e.CustomerId,
        Source = e.Source,
        Customer = e.Customer,
        ChurnProbability = probability,
        PredictedChurn = probability >= card.Threshold,
        RiskBand = RiskBands.For(probability, card.Threshold),
        ModelVersion = card.Version,
        OccurredAt = e.OccurredAt,
        IngestedAt = ingestedAt,
        ScoredAt = scoredAt,
        Reasons = reasons,
    };

    /// <summary>When ingest published the event: its <c>ingested-at</c> header, else the event's own time.</summary>
    public static DateTimeOffset IngestedAt(EventMessage message, CustomerEvent e) =>
        message.Header(EventHeaders.IngestedAt) is { } value
        && DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.RoundtripKind, out var at)
            ? at
            : e.OccurredAt;
}
