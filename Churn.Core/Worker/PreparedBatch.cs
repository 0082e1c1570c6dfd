using Churn.Core.Transport;
using Churn.Domain.Models;

namespace Churn.Core.Worker;

/// <summary>A batch after <see cref="BatchProcessor.Prepare"/>: its records, their spans, the card that scored them, the
/// predictions and the poison records found so far (the store may refuse more).</summary>
internal sealed record PreparedBatch(IReadOnlyList<ConsumedEvent> Records, BatchTrace Trace, ModelCard Card,
    ScoredBatch Predictions, List<PoisonRecord> Poison);
