using Churn.Domain.Customers;
using Churn.Testing;

namespace Churn.Api.Tests;

/// <summary>
/// The Api's embedded pipeline with its monitoring computed per request (no cache, no background refresh), replaying
/// <see cref="ReplayFile"/> on <c>POST /api/admin/replay</c>: the test file as it is, or (<see cref="ShiftedStreamApiFactory"/>)
/// rewritten with every customer's day minutes and day charge 30 % higher.
/// </summary>
public class MonitoringApiFactory : ApiFactory
{
    private readonly TempDirectory files = TempDirectory.WithPrefix("churn-monitoring-");

    /// <summary>The CSV file the replay publishes.</summary>
    public string ReplayFile { get; private set; } = RepositoryPaths.TestFile;

    /// <summary>Rewrites the test file's rows; null replays it unchanged.</summary>
    protected virtual Func<CustomerRecord, CustomerRecord>? Shift => null;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Churn:Ingest:File"] = ReplayFile,
        ["Churn:Monitoring:CacheDuration"] = "00:00:00",
        ["Churn:Monitoring:RefreshInterval"] = "00:00:00",
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (Shift is not { } shift) return;
        ReplayFile = files.Combine("churn-bigml-20-shifted.csv");
        using var writer = new StreamWriter(ReplayFile);
        CustomerCsvWriter.Write(writer, CustomerCsvReader.ReadFile(RepositoryPaths.TestFile).Select(r => shift(r.Record!)), includeLabel: true);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        files.Dispose();
    }
}
