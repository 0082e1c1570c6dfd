using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Churn.Domain.Challenger;
using Churn.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Churn.Web.Tests;

/// <summary>
/// The model page's challenger section in Chromium: the serving model and the challenger (trained into the Api's
/// challenger slot, scored in shadow on every replayed row) side by side, with exactly the numbers the Api reports.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class ChallengerPageTests(BrowserFixture system)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task The_model_page_shows_champion_and_challenger_with_the_comparison_numbers_the_api_returns()
    {
        var page = await system.NewPageAsync();
        var ct = TestContext.Current.CancellationToken;
        using var http = system.ApiClient();
        // Every stored prediction shadowed: nothing is in flight, so the page and the Api see the same events.
        var (report, stored) = await Eventually.UntilAsync(async () =>
                ((await http.GetFromJsonAsync<ChallengerReport>("/api/models/challenger", Json, ct))!, await system.Api.Store.CountAsync(ct)),
            r => r.Item1.Comparison.Events == r.Item2, TimeSpan.FromSeconds(30), what: "every stored prediction compared", cancellationToken: ct);
        var c = report.Comparison;
        Assert.True(c.Events >= BrowserFixture.TestFileRows);

        await page.GotoAsync("/model");

        await Expect(page.Locator("#challenger-version")).ToHaveTextAsync(report.Card.Version);
        await Expect(page.Locator("#challenger-events")).ToHaveTextAsync(c.Events.ToString("N0", CultureInfo.InvariantCulture));
        await Expect(page.Locator("#challenger-agreement")).ToHaveTextAsync(Share(c.Agreement!.Value));
        await Expect(page.Locator("#challenger-mad")).ToHaveTextAsync(Measure(c.MeanAbsoluteDifference));
        await Expect(page.Locator("#challenger-labelled")).ToHaveTextAsync(c.Labelled.ToString("N0", CultureInfo.InvariantCulture));
        Assert.Equal([c.Decisions.BothChurn, c.Decisions.ChampionOnly, c.Decisions.ChallengerOnly, c.Decisions.NeitherChurn],
            (await page.Locator("#challenger-decisions tbody td").AllTextContentsAsync()).Select(t => int.Parse(t, CultureInfo.InvariantCulture)));
        foreach (var (side, q) in new[] { ("champion", c.Champion!), ("challenger", c.Challenger!) })
        {
            var row = page.Locator($"#live-{side}");
            await Expect(row.Locator("[data-measure=auc]")).ToHaveTextAsync(Measure(q.Auc));
            await Expect(row.Locator("[data-measure=precision]")).ToHaveTextAsync(Measure(q.Precision));
            await Expect(row.Locator("[data-measure=recall]")).ToHaveTextAsync(Measure(q.Recall));
            await Expect(row.Locator("[data-measure=brier]")).ToHaveTextAsync(Measure(q.Brier));
            await Expect(row.Locator("[data-measure=churn-rate]")).ToHaveTextAsync(Share(q.PredictedChurnRate));
            await Expect(row.Locator("[data-measure=mean-probability]")).ToHaveTextAsync(Measure(q.MeanProbability));
            var m = q.ConfusionMatrix!;
            await Expect(row.Locator("[data-measure=confusion]")).ToHaveTextAsync(
                $"{m.TruePositives} / {m.FalsePositives} / {m.FalseNegatives} / {m.TrueNegatives}");
            await Expect(row.Locator("[data-measure=expected-profit]")).ToHaveTextAsync(q.ExpectedProfit!.Value.ToString("N0", CultureInfo.InvariantCulture));
            await Expect(row.Locator("[data-measure=realised-profit]")).ToHaveTextAsync(q.RealisedProfit!.Value.ToString("N0", CultureInfo.InvariantCulture));
        }

        // The cards' headline metrics side by side: serving, challenger, and the difference.
        var serving = await TrainedModel.CardAsync();
        var auc = page.Locator("#challenger-holdout tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "AUC", Exact = true }) });
        Assert.Equal([Measure(serving.HoldoutMetrics.Auc), Measure(report.Card.HoldoutMetrics.Auc),
                (report.Card.HoldoutMetrics.Auc - serving.HoldoutMetrics.Auc).ToString("+0.0000;−0.0000;0.0000", CultureInfo.InvariantCulture)],
            await auc.Locator("td").AllTextContentsAsync());
        await page.Locator("#challenger").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "model-challenger");
    }

    private static string Measure(double? value) => value!.Value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Share(double value) => value.ToString("0.00%", CultureInfo.InvariantCulture);
}
