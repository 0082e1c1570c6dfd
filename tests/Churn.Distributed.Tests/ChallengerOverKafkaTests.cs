using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Churn.Domain.Challenger;
using Churn.Domain.Models;
using Churn.Testing;

namespace Churn.Distributed.Tests;

/// <summary>
/// The challenger in the Kafka topology, as separate processes sharing the model directory: Churn.Scoring shadows every
/// replayed row, the Api (reading the same SQLite file) compares them, and a promotion made through the Api reaches the
/// Scoring process by its own watchers — it then serves the promoted model and shadows nothing more.
/// </summary>
public sealed class ChallengerOverKafkaTests(KafkaCluster cluster)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Scoring_shadows_every_row_and_follows_a_promotion_made_through_the_api()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        var ct = TestContext.Current.CancellationToken;
        var challenger = (await TrainedChallenger.CardAsync()).Version;
        var champion = (await TrainedModel.CardAsync()).Version;
        await using var topology = await Topology.CreateWithChallengerAsync(cluster);
        var scoring = await topology.StartScoringAsync(("Churn:Model:Watch", "true"));
        var api = await topology.StartApiAsync(("Churn:Model:Watch", "true"));
        using var http = new HttpClient { BaseAddress = new Uri(api.Url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Topology.ApiKey);

        await topology.ReplayTestFileAsync();
        await topology.WaitForStoredAsync(TestFileEvents.Rows);
        var report = await Eventually.UntilAsync(async () => (await http.GetFromJsonAsync<ChallengerReport>("/api/models/challenger", Json, ct))!,
            r => r.Comparison.Events == TestFileEvents.Rows, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(200),
            $"every row shadowed by Scoring and compared by the Api\n{topology.Tails()}", ct);
        Assert.Equal((challenger, champion), (report.Card.Version, report.ChampionVersion));
        Assert.Equal([new VersionCount(champion, TestFileEvents.Rows)], report.Comparison.ChampionVersions);

        var promoted = await http.PostAsync("/api/admin/challenger/promote", null, ct);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(new ModelSwapResult(ModelSwapOutcome.Swapped, challenger), await promoted.Content.ReadFromJsonAsync<ModelSwapResult>(Json, ct));

        // The Scoring process sees the files move: its serving model swaps and its challenger slot is empty.
        await Eventually.UntilAsync(() => scoring.Lines.Any(l => l.Contains($"Model {challenger} is now serving"))
                && scoring.Lines.Any(l => l.Contains($"Challenger {challenger} removed")),
            $"Churn.Scoring serving {challenger} without a challenger\n{scoring.Tail()}", TimeSpan.FromSeconds(30), cancellationToken: ct);
        var replayed = DateTimeOffset.UtcNow;
        await topology.ReplayTestFileAsync();
        var rows = await Eventually.UntilAsync(async () => (await topology.Store.AllAsync()).Where(p => p.ScoredAt >= replayed).ToList(),
            rescored => rescored.Count == TestFileEvents.Rows, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(200),
            "every row scored again after the promotion", ct);
        Assert.All(rows, row => Assert.Equal(challenger, row.ModelVersion));
        Assert.Equal(TestFileEvents.Rows, await topology.Store.ShadowCountAsync(challenger)); // no shadow of itself
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/models/challenger", ct)).StatusCode);
    }
}
