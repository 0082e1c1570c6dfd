using Churn.Domain.Customers;
using Churn.Testing;

namespace Churn.Benchmarks.Setup;

/// <summary>
/// Thousands of DISTINCT realistic customers: the test file's rows, cycled and jittered by ±5% on every numeric column
/// (seeded). Benchmarks that cycle through them defeat the branch predictor's memory of a tiny repeated batch, which
/// inflates tree-ensemble throughput (a few hundred rows scored over and over measure a warmed-up branch predictor,
/// not serving).
/// </summary>
public static class JitteredCustomers
{
    public const int DefaultCount = 65_536;

    public static CustomerRecord[] Create(int count = DefaultCount, int seed = 17)
    {
        var source = CustomerCsvReader.ReadFile(RepositoryPaths.TestFile).Select(r => r.Record).OfType<CustomerRecord>().ToArray();
        var random = new Random(seed);
        var rows = new CustomerRecord[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = Jitter(source[i % source.Length], random);
        }
        return rows;
    }

    private static CustomerRecord Jitter(CustomerRecord c, Random random)
    {
        double D(double value) => Math.Round(value * (0.95 + 0.1 * random.NextDouble()), 2);
        int I(int value) => (int)Math.Round(value * (0.95 + 0.1 * random.NextDouble()));
        return c with
        {
            AccountLength = Math.Max(1, I(c.AccountLength)),
            NumberVmailMessages = I(c.NumberVmailMessages),
            TotalDayMinutes = D(c.TotalDayMinutes), TotalDayCalls = I(c.TotalDayCalls), TotalDayCharge = D(c.TotalDayCharge),
            TotalEveMinutes = D(c.TotalEveMinutes), TotalEveCalls = I(c.TotalEveCalls), TotalEveCharge = D(c.TotalEveCharge),
            TotalNightMinutes = D(c.TotalNightMinutes), TotalNightCalls = I(c.TotalNightCalls),
            TotalNightCharge = D(c.TotalNightCharge),
            TotalIntlMinutes = D(c.TotalIntlMinutes), TotalIntlCalls = I(c.TotalIntlCalls), TotalIntlCharge = D(c.TotalIntlCharge),
            CustomerServiceCalls = I(c.CustomerServiceCalls),
        };
    }
}
