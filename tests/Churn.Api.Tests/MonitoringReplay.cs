using Churn.Domain.Api;
using Churn.Domain.Monitoring;
using Churn.Testing;

namespace Churn.Api.Tests;

/// <summary>Replays a factory's file through the embedded pipeline, waits until every row is scored, and reads GET /api/monitoring.</summary>
internal static class MonitoringReplay
{
    public const int TestFileRows = 667;

    public static async Task<MonitoringReport> ReplayAndReadAsync(MonitoringApiFactory factory)
    {
        RepositoryPaths.SkipUnlessDataPresent();
        using var client = factory.CreateClientWithKey();
        var replay = await (await client.PostJson("/api/admin/replay", new { })).Read<ReplayReport>();
        Assert.Equal(TestFileRows, replay.Published);
        await Eventually.UntilAsync(() => factory.Store.CountAsync(TestContext.Current.CancellationToken), n => n >= TestFileRows,
            TimeSpan.FromSeconds(30), what: $"the {TestFileRows} replayed rows scored and stored");
        return await (await client.Get("/api/monitoring")).Read<MonitoringReport>();
    }
}
