using Churn.Domain.Api;
using Churn.Domain.Predictions;
using Churn.Testing;

namespace Churn.Api.Tests.Retention;

/// <summary>The store filled the way production fills it: the test file replayed through the Api into the embedded pipeline.</summary>
internal static class TestFileReplay
{
    public const int Rows = 667;

    /// <summary>
    /// Replays once per factory: a later test of the class finds the rows stored and replays nothing, so no test reads
    /// the store while a second replay rewrites it (a page walk over rows being rescored would skip some).
    /// </summary>
    public static async Task ReplayAsync(ApiFactory factory)
    {
        RepositoryPaths.SkipUnlessDataPresent();
        var ct = TestContext.Current.CancellationToken;
        if (await factory.Store.CountAsync(ct) >= Rows) return;
        var report = await (await factory.CreateClientWithKey().PostJson("/api/admin/replay", new { })).Read<ReplayReport>();
        Assert.Equal(Rows, report.Published);
        await Eventually.UntilAsync(() => factory.Store.CountAsync(ct), count => count >= Rows, TimeSpan.FromSeconds(60),
            what: $"the {Rows} replayed rows stored", cancellationToken: ct);
    }

    /// <summary>Every stored prediction, read page by page through the ordinary query (not the campaign's).</summary>
    public static async Task<List<Prediction>> AllAsync(ApiFactory factory)
    {
        var all = new List<Prediction>();
        for (var page = 1; ; page++)
        {
            var items = (await factory.Store.QueryAsync(new PredictionQuery { Page = page, PageSize = PredictionQuery.MaxPageSize },
                TestContext.Current.CancellationToken)).Items;
            all.AddRange(items);
            if (items.Count < PredictionQuery.MaxPageSize) return all;
        }
    }

    /// <summary>Each customer's latest prediction (newest scoredAt), by a plain grouping of <see cref="AllAsync"/>.</summary>
    public static async Task<List<Prediction>> CurrentAsync(ApiFactory factory) =>
        [.. (await AllAsync(factory)).GroupBy(p => p.CustomerId).Select(g => g.MaxBy(p => p.ScoredAt)!)];
}
