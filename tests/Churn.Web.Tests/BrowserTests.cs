extern alias web;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Churn.Core.Onnx;
using Churn.Core.Serving;
using Churn.Domain.Api;
using Churn.Domain.Customers;
using Churn.Domain.Predictions;
using Churn.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using WhatIfInput = web::Churn.Web.Pages.WhatIfInput;

namespace Churn.Web.Tests;

/// <summary>
/// The Web in a real browser over the Api's real embedded pipeline: the store holds the 667 replayed test-file rows
/// scored by the Trainer's model, and customers posted to the Api during a test are scored by the worker.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class BrowserTests(BrowserFixture system)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task Dashboard_shows_the_stored_predictions_and_a_customer_posted_to_the_api_arrives_live()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("#feed-status")).ToHaveTextAsync(new Regex("^Live"));
        var before = long.Parse((await page.Locator("#tile-total").TextContentAsync())!.Replace(",", ""), CultureInfo.InvariantCulture);
        Assert.Equal(await system.Api.Store.CountAsync(TestContext.Current.CancellationToken), before);
        Assert.True(before >= BrowserFixture.TestFileRows);
        await Expect(page.Locator("#chart-probability svg rect.bar")).ToHaveCountAsync(20);

        // A high-risk customer arrives through the Api; the embedded worker scores it; the page updates by itself.
        using var http = system.ApiClient();
        var risky = CustomerInput.From(TestCustomers.Typical(serviceCalls: 7, dayMinutes: 320, intlPlan: true), customerId: "dash-risky-1");
        var response = await http.PostAsJsonAsync("/api/customers", new CustomerBatchRequest { Customers = [risky] },
            TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();

        await Expect(page.Locator("#feed tbody tr").Filter(new() { HasText = "dash-risky-1" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#tile-total")).ToHaveTextAsync((before + 1).ToString("N0", CultureInfo.InvariantCulture));
        await BrowserFixture.ScreenshotAsync(page, "dashboard");

        await page.Locator("#feed a", new() { HasText = "dash-risky-1" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("dash-risky-1");
        await Expect(page.Locator("#explanation")).ToContainTextAsync("CustomerServiceCalls");
        await BrowserFixture.ScreenshotAsync(page, "customer-detail");
    }

    [Fact]
    public async Task A_filter_on_the_customers_page_narrows_the_table_to_the_matching_predictions()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = system.ApiClient();
        var stats = await http.GetFromJsonAsync<PredictionStats>("/api/stats", Json, ct);
        var state = stats!.ByState.MaxBy(s => s.PredictedChurn)!.State; // the state with the most predicted churners
        var expected = await system.Api.Store.QueryAsync(new PredictionQuery { State = state, RiskBand = RiskBand.High }, ct);
        Assert.True(expected.Total > 0);

        var page = await system.NewPageAsync();
        await page.GotoAsync("/customers");
        var rows = page.Locator("#predictions tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var all = await rows.CountAsync();

        await page.GetByLabel("State").FillAsync(state.ToLowerInvariant());
        await page.GetByLabel("Risk band").SelectOptionAsync("High");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await Expect(page.Locator("#result-count")).ToContainTextAsync($"{expected.Total:N0} predictions match");
        var states = await page.Locator("#predictions tbody tr td:nth-child(2)").AllTextContentsAsync();
        var bands = await page.Locator("#predictions tbody tr td:nth-child(4)").AllTextContentsAsync();
        Assert.True(states.Count < all, $"{states.Count} rows after filtering, {all} before");
        Assert.Equal(Math.Min(expected.Total, all), states.Count);
        Assert.All(states, s => Assert.Equal(state, s.Trim()));
        Assert.All(bands, b => Assert.Equal("High", b.Trim()));
        await BrowserFixture.ScreenshotAsync(page, "customers-filtered");
    }

    [Fact]
    public async Task The_what_if_form_shows_the_real_models_probability_and_field_errors_beside_the_fields()
    {
        var card = await TrainedModel.CardAsync();
        using var direct = ModelCandidate.Load(system.Api.Settings.ModelDirectory, new OnnxScorerOptions());
        var expected = new float[1];
        direct.Score([RecordOf(WhatIfInput.Typical(card)) with { CustomerServiceCalls = 7, InternationalPlan = true }], expected);

        var page = await system.NewPageAsync(width: 420, height: 900); // a narrow screen
        await page.GotoAsync("/whatif");
        await Expect(page.GetByLabel("Customer service calls")).ToHaveValueAsync(WhatIfInput.Typical(card).CustomerServiceCalls!.Value.ToString(CultureInfo.InvariantCulture));

        await page.GetByLabel("Customer service calls").FillAsync("7");
        await page.GetByLabel("International plan").SelectOptionAsync("true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Score this customer" }).ClickAsync();
        await Expect(page.Locator("#whatif-probability strong")).ToHaveTextAsync(((double)expected[0]).ToString("P1", CultureInfo.InvariantCulture));
        await Expect(page.Locator("#explanation")).ToContainTextAsync("CustomerServiceCalls");
        await BrowserFixture.ScreenshotAsync(page, "what-if");

        await page.GetByLabel("Area code").FillAsync("12");
        await page.GetByLabel("Day minutes").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Score this customer" }).ClickAsync();
        await Expect(page.Locator("#Input_AreaCode-error")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#Input_TotalDayMinutes-error")).ToContainTextAsync("required");
        await BrowserFixture.ScreenshotAsync(page, "what-if-errors");
    }

    [Fact]
    public async Task The_model_page_shows_the_real_cards_leaderboard_metrics_and_roc_curve()
    {
        var card = await TrainedModel.CardAsync();
        var page = await system.NewPageAsync();
        await page.GotoAsync("/model");
        await Expect(page.Locator("#leaderboard tbody tr")).ToHaveCountAsync(card.Leaderboard.Count);
        await Expect(page.Locator("#leaderboard")).ToContainTextAsync("selected");
        await Expect(page.Locator("#leaderboard")).ToContainTextAsync(card.Leaderboard.Single(l => l.Selected).Candidate);
        await Expect(page.Locator("#confusion")).ToContainTextAsync(card.HoldoutMetrics.ConfusionMatrix.TrueNegatives.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#chart-roc polyline")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "model");
    }

    [Fact]
    public async Task The_model_page_shows_the_cards_calibration_brier_ece_and_reliability_diagram_with_bin_counts()
    {
        var card = await TrainedModel.CardAsync();
        var bins = card.HoldoutMetrics.Reliability!;
        var page = await system.NewPageAsync();
        await page.GotoAsync("/model");

        await Expect(page.Locator("#brier")).ToHaveTextAsync(card.HoldoutMetrics.Brier!.Value.ToString("0.0000", CultureInfo.InvariantCulture));
        await Expect(page.Locator("#ece")).ToHaveTextAsync(card.HoldoutMetrics.Ece!.Value.ToString("0.0000", CultureInfo.InvariantCulture));
        await Expect(page.Locator("#leaderboard thead")).ToContainTextAsync("Brier");
        var winner = page.Locator("#leaderboard tbody tr.selected");
        await Expect(winner).ToContainTextAsync(card.Leaderboard.Single(e => e.Selected).Brier!.Mean.ToString("0.0000", CultureInfo.InvariantCulture));
        await Expect(page.Locator("#calibrators tbody tr")).ToHaveCountAsync(card.Calibration!.Compared.Count);
        await Expect(page.Locator("#calibrators tbody tr.selected")).ToContainTextAsync(card.Calibration.Serving.Method);

        // The diagram: one point per non-empty bin at (mean predicted, observed share), and each bin's count.
        var points = page.Locator("#chart-reliability circle.bin");
        await Expect(points).ToHaveCountAsync(bins.Count);
        for (var i = 0; i < bins.Count; i++)
        {
            var cx = double.Parse((await points.Nth(i).GetAttributeAsync("cx"))!, CultureInfo.InvariantCulture);
            var cy = double.Parse((await points.Nth(i).GetAttributeAsync("cy"))!, CultureInfo.InvariantCulture);
            Assert.Equal(40 + bins[i].MeanPredicted * 240, cx, 0.01);
            Assert.Equal(280 - bins[i].ObservedRate * 240, cy, 0.01);
        }
        Assert.Equal(bins.Select(b => b.Count.ToString(CultureInfo.InvariantCulture)), await page.Locator("#chart-reliability text.count-label").AllTextContentsAsync());
        await Expect(page.Locator("#reliability tbody tr")).ToHaveCountAsync(bins.Count);
        Assert.Equal(bins.Select(b => b.Count.ToString(CultureInfo.InvariantCulture)),
            (await page.Locator("#reliability tbody tr td:nth-child(2)").AllTextContentsAsync()).Select(t => t.Trim()));
        await page.Locator("#chart-reliability").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "model-calibration");
    }

    [Fact]
    public async Task A_filter_the_api_refuses_shows_its_reason_beside_the_field_instead_of_an_error_page()
    {
        var page = await system.NewPageAsync();

        var response = await page.GotoAsync("/customers?state=12&minProbability=NaN");

        Assert.Equal(200, response!.Status);
        await Expect(page.Locator("span[data-valmsg-for='State']")).ToContainTextAsync("two-letter state code");
        await Expect(page.Locator("span[data-valmsg-for='MinProbability']")).Not.ToBeEmptyAsync();
    }

    /// <summary>On its own Api: the row is written into the store directly, not scored, and the shared store's tests count
    /// on every stored prediction having gone through the pipeline (the challenger's shadow, for one).</summary>
    [Fact]
    public async Task Values_from_records_are_html_encoded()
    {
        // The Api refuses such an id (the id alphabet); a store shared with other writers may still hold one.
        const string hostile = "<img src=x onerror=alert(1)>";
        RepositoryPaths.SkipUnlessDataPresent();
        await using var api = new ApiServer();
        await api.Settings.PrepareAsync();
        var now = DateTimeOffset.UtcNow;
        await api.Store.UpsertAsync([new Prediction
        {
            EventId = "hostile-1", CustomerId = hostile, Source = hostile, Customer = TestCustomers.Typical(serviceCalls: 8),
            ChurnProbability = 0.9, PredictedChurn = true, RiskBand = RiskBand.High, ModelVersion = "v-test",
            OccurredAt = now, IngestedAt = now, ScoredAt = now,
        }], TestContext.Current.CancellationToken);
        await using var web = new WebServer(api.Address);
        var page = await system.NewPageAsync(web.Address);
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };

        await page.GotoAsync("/customers?sort=ScoredAtDesc");
        await Expect(page.Locator("#predictions")).ToContainTextAsync(hostile);
        Assert.Equal(0, await page.Locator("#predictions img").CountAsync());
        Assert.Equal(0, dialogs);
    }

    private Task WaitForStoredAsync(string eventId) =>
        Eventually.UntilAsync(() => system.Api.Store.GetAsync(eventId, TestContext.Current.CancellationToken),
            stored => stored is not null, TimeSpan.FromSeconds(20), what: $"{eventId} scored and stored");

    /// <summary>The record the what-if form sends for <paramref name="i"/> (every field filled).</summary>
    private static CustomerRecord RecordOf(WhatIfInput i) => new()
    {
        State = i.State!, AccountLength = i.AccountLength!.Value, AreaCode = i.AreaCode!.Value, InternationalPlan = i.InternationalPlan,
        VoiceMailPlan = i.VoiceMailPlan, NumberVmailMessages = i.NumberVmailMessages!.Value, TotalDayMinutes = i.TotalDayMinutes!.Value,
        TotalDayCalls = i.TotalDayCalls!.Value, TotalDayCharge = i.TotalDayCharge!.Value, TotalEveMinutes = i.TotalEveMinutes!.Value,
        TotalEveCalls = i.TotalEveCalls!.Value, TotalEveCharge = i.TotalEveCharge!.Value, TotalNightMinutes = i.TotalNightMinutes!.Value,
        TotalNightCalls = i.TotalNightCalls!.Value, TotalNightCharge = i.TotalNightCharge!.Value, TotalIntlMinutes = i.TotalIntlMinutes!.Value,
        TotalIntlCalls = i.TotalIntlCalls!.Value, TotalIntlCharge = i.TotalIntlCharge!.Value, CustomerServiceCalls = i.CustomerServiceCalls!.Value,
    };
}
