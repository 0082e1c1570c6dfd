using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Churn.Api.Contracts;
using Churn.Api.Tests;
using Churn.Core.Pipeline;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Churn.Web.Tests;

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

[Collection(nameof(BrowserCollection))]
public sealed partial class BrowserTests(BrowserFixture system)
{
    [Fact]
    public async Task Dashboard_loads_and_updates_when_new_predictions_arrive()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("#feed-status")).ToHaveTextAsync(new Regex("^Live"));
        var before = long.Parse((await page.Locator("#tile-total").TextContentAsync())!.Replace(",", ""));
        Assert.Equal(await system.Api.Store.CountAsync(TestContext.Current.CancellationToken), before);
        await Expect(page.Locator("#chart-probability svg rect.bar")).ToHaveCountAsync(20);

        // A high-risk customer arrives through the Api.
        using var http = new HttpClient { BaseAddress = system.Api.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiServer.ApiKey);
        var risky = CustomerInput.From(TestData.Customer(serviceCalls: 7, dayMinutes: 320, intlPlan: true), customerId: "dash-risky-1");
        var response = await http.PostAsJsonAsync("/api/customers", new CustomerBatchRequest { Customers = [risky] },
            TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();

        await Expect(page.Locator("#feed tbody tr").Filter(new() { HasText = "dash-risky-1" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#tile-total")).ToHaveTextAsync((before + 1).ToString("N0"));
        await BrowserFixture.ScreenshotAsync(page, "dashboard");

        await page.Locator("#feed a", new() { HasText = "dash-risky-1" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("dash-risky-1");
        await Expect(page.Locator("#explanation")).ToContainTextAsync("CustomerServiceCalls");
        await BrowserFixture.ScreenshotAsync(page, "customer-detail");
    }

    [Fact]
    public async Task A_filter_on_the_customers_page_narrows_the_table()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/customers");
        var rows = page.Locator("#predictions tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var all = await rows.CountAsync();

        await page.GetByLabel("State").FillAsync("ks");
        await page.GetByLabel("Risk band").SelectOptionAsync("High");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await Expect(page.Locator("#result-count")).ToContainTextAsync("match");
        var states = await page.Locator("#predictions tbody tr td:nth-child(2)").AllTextContentsAsync();
        var bands = await page.Locator("#predictions tbody tr td:nth-child(4)").AllTextContentsAsync();
        Assert.NotEmpty(states);
        Assert.True(states.Count < all, $"{states.Count} rows after filtering, {all} before");
        Assert.All(states, s => Assert.Equal("KS", s.Trim()));
        Assert.All(bands, b => Assert.Equal("High", b.Trim()));
        await BrowserFixture.ScreenshotAsync(page, "customers-filtered");
    }

    [Fact]
    public async Task The_what_if_form_shows_a_probability_and_field_errors_beside_the_fields()
    {
        var page = await system.NewPageAsync(width: 420, height: 900); // a narrow screen
        await page.GotoAsync("/whatif");
        await Expect(page.GetByLabel("Customer service calls")).ToHaveValueAsync("1"); // the training median

        await page.GetByLabel("Customer service calls").FillAsync("7");
        await page.GetByLabel("International plan").SelectOptionAsync("true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Score this customer" }).ClickAsync();
        await Expect(page.Locator("#whatif-probability")).ToContainTextAsync(new Regex(@"\d+(\.\d)? ?%"));
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
    public async Task The_model_page_shows_the_leaderboard_metrics_and_roc_curve()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/model");
        await Expect(page.Locator("#leaderboard tbody tr")).ToHaveCountAsync(system.Api.Model.Current!.Card.Leaderboard.Count);
        await Expect(page.Locator("#leaderboard")).ToContainTextAsync("selected");
        await Expect(page.Locator("#confusion")).ToContainTextAsync("551");
        await Expect(page.Locator("#chart-roc polyline")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "model");
    }

    [Fact]
    public async Task Values_from_records_are_html_encoded()
    {
        var hostile = TestData.Prediction("xss-1", "<img src=x onerror=alert(1)>", TestData.Customer(serviceCalls: 8), DateTimeOffset.UtcNow);
        await system.Api.Store.UpsertAsync([hostile], TestContext.Current.CancellationToken);
        var page = await system.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };

        await page.GotoAsync("/customers?sort=ScoredAtDesc");
        await Expect(page.Locator("#predictions")).ToContainTextAsync("<img src=x onerror=alert(1)>");
        Assert.Equal(0, await page.Locator("#predictions img").CountAsync());
        Assert.Equal(0, dialogs);
    }
}
