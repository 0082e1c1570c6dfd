using System.Globalization;
using Churn.Domain.Events;
using Churn.Domain.Models;

namespace Churn.Core.Ingest;

/// <summary>
/// Synthetic events: <c>eventId = syn-{seed}-{sequence}</c> (a rerun with the same seed is idempotent);
/// <c>customerId = syn-{sequence mod pool}</c>, so customers come back and build a history.
/// </summary>
public sealed class SyntheticSource(ModelCard card, int seed, int customerPool, TimeProvider time)
{
    public IEnumerable<IngestItem> Read(long count)
    {
        var generator = new SyntheticCustomerGenerator(card, seed);
        var seedText = seed.ToString("x", CultureInfo.InvariantCulture);
        for (long i = 0; count <= 0 || i < count; i++)
        {
            var sequence = i.ToString(CultureInfo.InvariantCulture);
            yield return IngestItem.For(new CustomerEvent
            {
                EventId = $"syn-{seedText}-{sequence}",
                CustomerId = $"syn-{(i % Math.Max(1, customerPool)).ToString(CultureInfo.InvariantCulture)}",
                OccurredAt = time.GetUtcNow(),
                Source = "synthetic",
                Customer = generator.Next(),
            }, $"synthetic:{sequence}");
        }
    }
}
