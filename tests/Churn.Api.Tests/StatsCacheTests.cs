using Churn.Api.Stats;
using Churn.Api.Extensions;
using Churn.Core.Storage;
using Churn.Domain.Predictions;
using Churn.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Churn.Api.Tests;

/// <summary>The Api with GET /api/stats cached for 5 s on a clock the test moves (the rest of the Api keeps real time).</summary>
public sealed class StatsCacheApiFactory : ApiFactory
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } =
        new Dictionary<string, string?> { ["Churn:StatsCacheDuration"] = Duration.ToString() };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(sp => new StatsCache(
            sp.GetRequiredService<IPredictionStore>(), sp.GetRequiredService<IOptions<ChurnApiOptions>>(), Clock)));
    }
}

public sealed class StatsCacheTests(StatsCacheApiFactory factory) : IClassFixture<StatsCacheApiFactory>
{
    [Fact]
    public async Task Stats_are_served_from_the_cache_per_query_within_the_window_and_recomputed_after_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateClient();
        var seed = TestData.Seed();
        await factory.Store.UpsertAsync(seed, ct);
        var first = await (await client.Get("/api/stats")).Read<PredictionStats>();
        var later = TestData.Prediction("late-1", "cust-late", TestCustomers.Typical(), TestData.Start.AddHours(2));
        await factory.Store.UpsertAsync([later], ct);

        factory.Clock.Advance(StatsCacheApiFactory.Duration - TimeSpan.FromMilliseconds(1));
        var cached = await (await client.Get("/api/stats?unknownParameter=1")).Read<PredictionStats>(); // same query: same entry
        var otherQuery = await (await client.Get("/api/stats?bins=5")).Read<PredictionStats>();
        factory.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var recomputed = await (await client.Get("/api/stats")).Read<PredictionStats>();

        Assert.Equal(seed.Count, first.Total);
        Assert.Equal(seed.Count, cached.Total);
        Assert.Equal(seed.Count + 1, otherQuery.Total);
        Assert.Equal(seed.Count + 1, recomputed.Total);
    }
}
