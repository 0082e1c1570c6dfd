using Churn.Core.Customers;
using Churn.Testing;

namespace Churn.Benchmarks;

/// <summary>
/// The same rows for every scorer: 16,384 distinct customers made by jittering the test file's numeric fields by
/// ±5% (seeded). Distinct rows matter: a small repeated batch lets the branch predictor memorise the tree paths.
/// </summary>
internal static class BenchmarkRows
{
    public const int Count = 16_384;

    public static CustomerRecord[] Create()
    {
        var source = CustomerCsvReader.ReadFile(RepositoryPaths.TestFile).Where(r => r.IsValid).Select(r => r.Record!).ToArray();
        var random = new Random(20_260_101);
        double Jitter(double v) => Math.Round(v * (0.95 + random.NextDouble() * 0.1), 2);
        int JitterCount(int v) => (int)Math.Round(v * (0.95 + random.NextDouble() * 0.1));
        return Enumerable.Range(0, Count).Select(i =>
        {
            var c = source[i % source.Length];
            return c with
            {
                AccountLength = JitterCount(c.AccountLength),
                TotalDayMinutes = Jitter(c.TotalDayMinutes), TotalDayCalls = JitterCount(c.TotalDayCalls),
                TotalDayCharge = Jitter(c.TotalDayCharge), TotalEveMinutes = Jitter(c.TotalEveMinutes),
                TotalEveCharge = Jitter(c.TotalEveCharge), TotalNightMinutes = Jitter(c.TotalNightMinutes),
                TotalNightCharge = Jitter(c.TotalNightCharge), TotalIntlMinutes = Jitter(c.TotalIntlMinutes),
                TotalIntlCharge = Jitter(c.TotalIntlCharge),
            };
        }).ToArray();
    }
}
