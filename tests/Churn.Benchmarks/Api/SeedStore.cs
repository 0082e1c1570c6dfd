using System.Diagnostics;
using Churn.Benchmarks.Setup;
using Churn.Core.Ingest;
using Churn.Core.Onnx;
using Churn.Core.Storage.Sqlite;
using Churn.Core.Worker;
using Churn.Domain.Customers;
using Churn.Domain.Events;
using Churn.Domain.Models;
using Churn.Domain.Predictions;
using Churn.Testing;

namespace Churn.Benchmarks.Api;

/// <summary>
/// Fills a SQLite file through the product's <see cref="SqlitePredictionStore"/> with predictions the way the worker
/// would have stored them: the labelled test file's rows once (a CSV replay, so live accuracy has labels), then
/// synthetic customers drawn from the model card (<see cref="SyntheticCustomerGenerator"/>), all scored with the real
/// ONNX model (<see cref="BenchModel"/>) and turned into predictions by <see cref="PredictionBuilder"/>. Customers come
/// back (a pool of ids, so histories exist); scoring times are spread evenly over the last <c>--days</c> days in
/// insertion order, as a worker writes them. States and risk bands are whatever the model says about realistic
/// customers, so filters and pages select realistic shares.
/// </summary>
public static class SeedStore
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = LoadOptions.Parse(args);
        var db = Path.GetFullPath(options.Required("--db"));
        var count = options.Int("--predictions", 100_000);
        var days = options.Double("--days", 30);
        var pool = Math.Max(1, options.Int("--customers", 20_000));
        var card = await BenchModel.EnsureAsync(output);
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        foreach (var file in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(file);
        }

        using var scorer = OnnxChurnScorer.Load(BenchModel.ModelPath, card);
        using var store = new SqlitePredictionStore(new SqliteStoreOptions { Path = db });
        await store.InitializeAsync(CancellationToken.None);
        await store.RegisterModelAsync(card, CancellationToken.None);

        var end = DateTimeOffset.UtcNow;
        var step = TimeSpan.FromDays(days) / Math.Max(1, count);
        var start = end - step * count;
        var clock = Stopwatch.StartNew();
        var bands = new long[3];
        var written = 0;
        var probabilities = new float[BatchSize];
        foreach (var batch in Events(card, count, pool, start, step).Chunk(BatchSize))
        {
            var customers = batch.Select(e => e.Customer).ToArray();
            scorer.Score(customers, probabilities.AsSpan(0, batch.Length));
            var predictions = new Prediction[batch.Length];
            for (var i = 0; i < batch.Length; i++)
            {
                var e = batch[i];
                var scoredAt = e.OccurredAt.AddMilliseconds(40);
                predictions[i] = PredictionBuilder.Build(e, probabilities[i], card, e.OccurredAt.AddMilliseconds(2), scoredAt);
                bands[(int)predictions[i].RiskBand]++;
            }
            await store.UpsertAsync(predictions, CancellationToken.None);
            written += batch.Length;
        }

        var stored = await store.CountAsync(CancellationToken.None);
        output.WriteLine($"Seeded {db}: {stored:N0} predictions ({written:N0} written) in {clock.Elapsed.TotalSeconds:F1} s, " +
            $"model {card.Version}, {pool:N0} customer ids, scored over {days:G} days up to {end:u}");
        output.WriteLine($"Risk bands: Low {bands[0]:N0}, Medium {bands[1]:N0}, High {bands[2]:N0}");
        return stored == count ? 0 : 1;
    }

    /// <summary>The test file's labelled rows first, then synthetic customers; one event per <paramref name="step"/>.</summary>
    private static IEnumerable<CustomerEvent> Events(ModelCard card, int count, int pool, DateTimeOffset start, TimeSpan step)
    {
        var labelled = CustomerCsvReader.ReadFile(RepositoryPaths.TestFile).Select(r => r.Record).OfType<CustomerRecord>().ToArray();
        var generator = new SyntheticCustomerGenerator(card, seed: 4242);
        for (var i = 0; i < count; i++)
        {
            var fromFile = i < labelled.Length;
            yield return new CustomerEvent
            {
                EventId = fromFile ? $"seed-csv-{i + 2}" : $"seed-syn-{i}",
                CustomerId = fromFile ? $"seed-c-{i + 2}" : $"seed-syn-{i % pool}",
                OccurredAt = start + step * i,
                Source = fromFile ? "csv:churn-bigml-20.csv" : "synthetic",
                Customer = fromFile ? labelled[i] : generator.Next(),
            };
        }
    }
}
