using System.Globalization;
using System.Net.Http.Json;
using Churn.Core.Serving;
using Churn.Domain.Api;
using Churn.Domain.Predictions;
using Churn.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Churn.Web.Tests;

/// <summary>
/// The reason codes stored with every prediction, as a user reads them: the customers table's top reasons and the
/// detail page's full list are the stored ones (feature, value, signed contribution to the margin, method), and the stored
/// ones are what the served model's explainer computes for the record.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class ReasonsPagesTests(BrowserFixture system)
{
    [Fact]
    public async Task The_customers_table_shows_each_predictions_stored_top_reasons_with_signed_contributions()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await system.NewPageAsync();
        await page.GotoAsync("/customers?sort=ProbabilityDesc");
        var rows = page.Locator("#predictions tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();

        var explained = 0;
        foreach (var row in await rows.AllAsync())
        {
            var stored = await system.Api.Store.GetAsync((await row.GetAttributeAsync("data-event-id"))!, ct);
            var cell = row.Locator("td.top-reasons");
            if (stored!.Reasons is not { } reasons)
            {
                await Expect(cell).ToHaveTextAsync("–");
                continue;
            }
            explained++;
            Assert.Equal(reasons.Top.Select(r => $"{r.Feature} {Signed(r.Contribution, 2)}"),
                (await cell.Locator("li").AllTextContentsAsync()).Select(Squeezed));
            // A riser is red, a lowerer green: the colour says the sign too.
            Assert.Equal(reasons.Top.Select(r => r.Contribution > 0 ? "up" : "down"),
                await cell.Locator("li span:last-child").EvaluateAllAsync<string[]>("spans => spans.map(s => s.className)"));
        }
        Assert.True(explained >= 20, $"{explained} of the first page's predictions have reasons");
        await BrowserFixture.ScreenshotAsync(page, "customers-reasons");
    }

    [Fact]
    public async Task The_detail_page_shows_every_reason_stored_with_the_latest_prediction_as_the_served_explainer_computed_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var riskiest = (await system.Api.Store.QueryAsync(new PredictionQuery { Sort = PredictionSort.ProbabilityDesc, PageSize = 1 }, ct)).Items[0];
        var latest = (await system.Api.Store.GetCustomerHistoryAsync(riskiest.CustomerId, 1, ct))[0];
        var served = ModelCandidate.LoadServing(system.Api.Settings.ModelDirectory, new ModelOptions { Directory = system.Api.Settings.ModelDirectory });
        (served.Scorer as IDisposable)?.Dispose();
        var reasons = latest.Reasons!;
        Assert.Equal(served.Explainer!.Explain(latest.Customer), reasons); // stored = computed at scoring time by the served model

        var page = await system.NewPageAsync();
        await page.GotoAsync($"/customers/{Uri.EscapeDataString(riskiest.CustomerId)}");

        await Expect(page.Locator("#reasons-method")).ToHaveTextAsync("tree-path");
        await Expect(page.Locator("#reasons-base")).ToHaveTextAsync(Signed(reasons.BaseScore, 3));
        await Expect(page.Locator("#reasons-score")).ToHaveTextAsync(Signed(reasons.Score, 3));
        var shown = page.Locator("#reasons tbody tr");
        await Expect(shown).ToHaveCountAsync(reasons.Top.Count);
        for (var i = 0; i < reasons.Top.Count; i++)
        {
            var r = reasons.Top[i];
            Assert.Equal([r.Feature, r.Value.ToString("0.####", CultureInfo.InvariantCulture), Signed(r.Contribution, 3)],
                (await shown.Nth(i).Locator("td").AllTextContentsAsync()).Select(Squeezed));
        }
        await Expect(page.Locator("#reasons-others")).ToHaveTextAsync(
            Signed(reasons.Score - reasons.BaseScore - reasons.Top.Sum(r => r.Contribution), 3));
        Assert.Equal(reasons.Top.Select(r => $"{r.Feature} {Signed(r.Contribution, 2)}"),
            (await page.Locator($"#history tr[data-event-id='{latest.EventId}'] td.top-reasons li").AllTextContentsAsync()).Select(Squeezed));
        await BrowserFixture.ScreenshotAsync(page, "customer-reasons");
    }

    /// <summary>Its own Api with reasons off (<c>Churn:Model:Reasons=false</c>): a store no other browser test counts on.</summary>
    [Fact]
    public async Task A_prediction_scored_without_reasons_says_so_instead_of_showing_any()
    {
        var ct = TestContext.Current.CancellationToken;
        RepositoryPaths.SkipUnlessDataPresent();
        await using var api = new ApiServer(new Dictionary<string, string?> { ["Churn:Model:Reasons"] = "false" });
        await api.Settings.PrepareAsync();
        using var http = new HttpClient { BaseAddress = api.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiServer.ApiKey);
        var request = new CustomerBatchRequest { Customers = [CustomerInput.From(TestCustomers.Typical(), customerId: "no-reasons-1")] };
        var published = await (await http.PostAsJsonAsync("/api/customers", request, ct)).Content.ReadFromJsonAsync<PublishedCustomers>(ct);
        var eventId = published!.EventIds[0];
        var stored = await Eventually.UntilAsync(() => api.Store.GetAsync(eventId, ct), p => p is not null, TimeSpan.FromSeconds(20),
            what: $"{eventId} scored and stored", cancellationToken: ct);
        Assert.Null(stored!.Reasons);
        await using var web = new WebServer(api.Address);
        var page = await system.NewPageAsync(web.Address);

        await page.GotoAsync("/customers/no-reasons-1");

        await Expect(page.Locator("#reasons-none")).ToContainTextAsync("No reasons were stored with this prediction");
        await Expect(page.Locator("#reasons")).ToHaveCountAsync(0);
        await Expect(page.Locator($"#history tr[data-event-id='{eventId}'] td.top-reasons")).ToHaveTextAsync("–");
        await page.GotoAsync("/customers");
        await Expect(page.Locator($"#predictions tr[data-event-id='{eventId}'] td.top-reasons")).ToHaveTextAsync("–");
    }

    /// <summary>Signed, with a true minus sign, as a person writes a change: +0.84, −1.20 (and 0.00 for what rounds to 0).</summary>
    private static string Signed(double value, int decimals)
    {
        var digits = Math.Abs(value).ToString("F" + decimals, CultureInfo.InvariantCulture);
        return !digits.Any(c => c is >= '1' and <= '9') ? digits : value < 0 ? "\u2212" + digits : "+" + digits;
    }

    private static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
