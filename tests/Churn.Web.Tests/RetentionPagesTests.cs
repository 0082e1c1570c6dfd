using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Churn.Domain.Api;
using Churn.Domain.Predictions;
using static Microsoft.Playwright.Assertions;

namespace Churn.Web.Tests;

/// <summary>
/// Retention economics in the browser, over the Api's real embedded pipeline holding the 667 replayed test-file rows:
/// the model page's profit curves and thresholds and the dashboard's value at risk show the numbers the Api returns.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class RetentionPagesTests(BrowserFixture system)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The profit chart's plot: x from 64 to 504 (440 wide) in its 520 × 300 view box.</summary>
    private const double PlotLeft = 64, PlotWidth = 440;

    [Fact]
    public async Task The_model_page_shows_the_economics_the_thresholds_and_their_profit_and_marks_them_on_both_curves()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = system.ApiClient();
        var curve = (await http.GetFromJsonAsync<ProfitCurveResponse>("/api/model/profit-curve", Json, ct))!;
        var page = await system.NewPageAsync();

        await page.GotoAsync("/model");

        await Expect(page.Locator("#economics-value")).ToHaveTextAsync(curve.Economics.CustomerValue.ToString("N0", Inv));
        await Expect(page.Locator("#economics-cost")).ToHaveTextAsync(curve.Economics.OfferCost.ToString("N2", Inv));
        await Expect(page.Locator("#economics-acceptance")).ToHaveTextAsync(curve.Economics.AcceptanceRate.ToString("P0", Inv));
        await Expect(page.Locator("#economics-break-even")).ToHaveTextAsync(curve.Economics.BreakEvenProbability.ToString("0.###", Inv));
        var rows = page.Locator("#thresholds tbody tr");
        await Expect(rows).ToHaveCountAsync(curve.Thresholds.Count);
        Assert.Equal(["f1", "profit", "break-even"], curve.Thresholds.Select(t => t.Name));
        foreach (var t in curve.Thresholds)
        {
            var cells = (await page.Locator($"#thresholds tbody tr[data-name='{t.Name}'] td").AllTextContentsAsync()).Select(c => c.Trim());
            Assert.Equal(
                [t.Threshold.ToString("0.####", Inv), t.TestFile.Contacted.ToString("N0", Inv), t.TestFile.Churners.ToString("N0", Inv),
                 t.TestFile.RealisedProfit.ToString("N0", Inv), t.TestFile.ExpectedProfit.ToString("N0", Inv), t.OutOfFold!.RealisedProfit.ToString("N0", Inv)],
                cells);
        }

        // Both curves: realised and expected lines; each threshold marked at its value and at the customers it contacts.
        foreach (var (chart, x) in new (string, Func<ThresholdChoice, double>)[]
        {
            ("#chart-profit-threshold", t => t.Threshold),
            ("#chart-profit-topk", t => (double)t.TestFile.Contacted / curve.TestFile.Customers),
        })
        {
            await Expect(page.Locator($"{chart} polyline")).ToHaveCountAsync(2);
            await Expect(page.Locator($"{chart} polyline.realised")).ToHaveCountAsync(1);
            foreach (var t in curve.Thresholds)
            {
                var line = page.Locator($"{chart} line.cut[data-name='{t.Name}']");
                Assert.Equal(PlotLeft + x(t) * PlotWidth, double.Parse((await line.GetAttributeAsync("x1"))!, Inv), 0.01);
                await Expect(page.Locator($"{chart} circle.marker[data-name='{t.Name}'] title"))
                    .ToContainTextAsync($"realised profit {t.TestFile.RealisedProfit.ToString("N0", Inv)}");
            }
        }
        // The realised line passes through every point of the test-file curve (and nobody contacted, at profit 0).
        var points = (await page.Locator("#chart-profit-topk polyline.realised").GetAttributeAsync("points"))!.Split(' ');
        Assert.Equal(curve.TestFile.Points.Count + 1, points.Length);
        await ScreenshotAsync(page.Locator("#economics"), "model-economics");
    }

    [Fact]
    public async Task The_dashboard_shows_the_value_at_risk_and_the_best_campaign_the_api_computes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = system.ApiClient();
        var retention = (await http.GetFromJsonAsync<PredictionStats>("/api/stats", Json, ct))!.Retention!;
        var campaign = (await http.GetFromJsonAsync<CampaignResponse>("/api/campaign?top=1000", Json, ct))!;
        var page = await system.NewPageAsync();

        await page.GotoAsync("/");

        Assert.True(retention.Customers >= BrowserFixture.TestFileRows);
        await Expect(page.Locator("#tile-value-at-risk")).ToHaveTextAsync(retention.ValueAtRisk.ToString("N0", Inv));
        await Expect(page.Locator("#tile-value-at-risk-hint")).ToContainTextAsync(
            $"{retention.ExpectedChurners.ToString("N1", Inv)} expected churners among {retention.Customers.ToString("N0", Inv)} customers");
        await Expect(page.Locator("#tile-campaign-gain")).ToHaveTextAsync(retention.BestCampaign.ExpectedGain.ToString("N0", Inv));
        await Expect(page.Locator("#tile-campaign-hint")).ToContainTextAsync($"contact {campaign.Totals.Contacted.ToString("N0", Inv)} customers");
        Assert.Equal(campaign.Totals.ExpectedGain, retention.BestCampaign.ExpectedGain, 6);
        await ScreenshotAsync(page.Locator("#summary .tiles"), "dashboard-value-at-risk");
    }

    [Fact]
    public async Task The_campaign_page_lists_whom_the_api_says_to_call_for_a_budget_with_its_totals()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = system.ApiClient();
        var campaign = (await http.GetFromJsonAsync<CampaignResponse>("/api/campaign?budget=300", Json, ct))!;
        var page = await system.NewPageAsync();

        await page.GotoAsync("/campaign");
        await page.GetByLabel("Budget").FillAsync("300");
        await page.GetByLabel("or number of customers").FillAsync("");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Plan" }).ClickAsync();

        await Expect(page.Locator("#campaign-gain")).ToHaveTextAsync(campaign.Totals.ExpectedGain.ToString("N0", Inv));
        await Expect(page.Locator("#campaign-totals")).ToContainTextAsync(
            $"Contact {campaign.Totals.Contacted} customers for {campaign.Totals.Cost.ToString("N2", Inv)}");
        await Expect(page.Locator("#campaign-totals")).ToContainTextAsync("the budget pays for no more offers");
        Assert.Equal(campaign.Customers.Select(c => c.CustomerId),
            (await page.Locator("#campaign tbody tr td:nth-child(2)").AllTextContentsAsync()).Select(t => t.Trim()));
        Assert.Equal(campaign.Customers.Select(c => c.ExpectedGain.ToString("N2", Inv)),
            (await page.Locator("#campaign tbody tr td:nth-child(5)").AllTextContentsAsync()).Select(t => t.Trim()));
        // Why each customer is on the list: the reasons stored with the prediction, largest first.
        Assert.Equal(campaign.Customers.Select(c => c.Prediction.Reasons!.Top[0].Feature),
            (await page.Locator("#campaign tbody tr td.top-reasons li:first-child .feature").AllTextContentsAsync()).Select(t => t.Trim()));
        await ScreenshotAsync(page.Locator("main"), "campaign");

        await page.GotoAsync("/campaign?budget=300&top=5");
        await Expect(page.Locator("span[data-valmsg-for='Top']")).ToContainTextAsync("Give budget or top, not both.");
        await Expect(page.Locator("#campaign")).ToHaveCountAsync(0);
    }

    /// <summary>The section alone, to artifacts/screenshots/ (beside the fixture's full pages).</summary>
    private static async Task ScreenshotAsync(Microsoft.Playwright.ILocator section, string name) =>
        await section.ScreenshotAsync(new() { Path = Path.Combine(Churn.Testing.RepositoryPaths.Artifacts("screenshots"), $"{name}.png") });
}
