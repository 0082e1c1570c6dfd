using System.Globalization;
using System.Net.Http.Json;
using Churn.Core.Storage;
using Churn.Domain.Api;
using Churn.Domain.Customers;
using Churn.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Churn.Web.Tests;

/// <summary>
/// The Monitoring page in Chromium over its own Api (a store no other browser test writes to) with a window of 667
/// events: quiet after the test file is replayed, the drift alert after the same customers arrive with day minutes and
/// day charge 30 % higher.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class MonitoringPageTests(BrowserFixture system)
{
    private const int Rows = BrowserFixture.TestFileRows;

    [Fact]
    public async Task The_page_shows_no_alert_for_the_test_file_and_raises_the_drift_alert_after_a_shifted_stream()
    {
        var ct = TestContext.Current.CancellationToken;
        RepositoryPaths.SkipUnlessDataPresent();
        await using var api = new ApiServer(new Dictionary<string, string?>
        {
            ["Churn:Monitoring:WindowSize"] = Rows.ToString(CultureInfo.InvariantCulture),
            ["Churn:Monitoring:CacheDuration"] = "00:00:00",
            ["Churn:Monitoring:RefreshInterval"] = "00:00:00",
        });
        await api.Settings.PrepareAsync();
        using var http = new HttpClient { BaseAddress = api.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiServer.ApiKey);
        (await http.PostAsync("/api/admin/replay", content: null, ct)).EnsureSuccessStatusCode();
        await StoredAsync(api.Store, Rows);
        await using var web = new WebServer(api.Address);
        var page = await system.NewPageAsync(web.Address, height: 1400);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Monitoring" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Monitoring");
        await Expect(page.Locator("#alert-state-value")).ToHaveTextAsync("OK");
        await Expect(page.Locator("#alerts")).ToHaveCountAsync(0);
        await Expect(Row(page, "TotalDayMinutes").Locator(".state")).ToHaveTextAsync("OK");
        await Expect(Row(page, "State").Locator(".state")).ToHaveTextAsync("Not enough data");
        await Expect(page.Locator("#chart-psi line.threshold.warn")).ToHaveAttributeAsync("data-psi", "0.1");
        await Expect(page.Locator("#chart-psi line.threshold.alert")).ToHaveAttributeAsync("data-psi", "0.25");
        await Expect(page.Locator("section.drifted")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "monitoring-ok");

        // The same customers with heavier daytime use (and the bill that goes with it), with their real labels.
        var shifted = CustomerCsvReader.ReadFile(RepositoryPaths.TestFile)
            .Select(r => r.Record! with { TotalDayMinutes = Math.Round(r.Record.TotalDayMinutes * 1.3, 1), TotalDayCharge = Math.Round(r.Record.TotalDayCharge * 1.3, 2) })
            .Select((c, i) => CustomerInput.From(c, customerId: $"shifted-{i}")).ToList();
        (await http.PostAsJsonAsync("/api/customers", new CustomerBatchRequest { Customers = shifted }, ct)).EnsureSuccessStatusCode();
        await StoredAsync(api.Store, 2 * Rows);

        await page.ReloadAsync();
        await Expect(page.Locator("#alert-state-value")).ToHaveTextAsync("Alert");
        await Expect(page.Locator("#alert-state")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("state-alert"));
        await Expect(page.Locator("#alerts li").First).ToContainTextAsync("TotalDayMinutes: PSI");
        await Expect(Row(page, "TotalDayMinutes").Locator(".state")).ToHaveTextAsync("Alert");
        await Expect(Row(page, "TotalEveMinutes").Locator(".state")).ToHaveTextAsync("OK");
        var bar = page.Locator("#chart-psi rect.psi-bar[data-key='TotalDayMinutes']");
        await Expect(bar).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\balert\b"));
        var barEnd = await bar.EvaluateAsync<double>("b => b.x.baseVal.value + b.width.baseVal.value");
        var alertLine = await page.Locator("#chart-psi line.threshold.alert").EvaluateAsync<double>("l => l.x1.baseVal.value");
        Assert.True(barEnd > alertLine, $"the TotalDayMinutes bar ends at {barEnd}, the alert threshold is drawn at {alertLine}");
        // Expected vs actual shares of the drifted feature: the top training decile (> 248.9 min) now holds ~41 %.
        var bins = page.Locator("#bins-TotalDayMinutes");
        await Expect(bins.Locator("rect.share.actual[data-bin]")).ToHaveCountAsync(10);
        await Expect(bins.Locator("text").Filter(new() { HasText = "> 248.9" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#live-quality td.auc")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "monitoring-alert");
    }

    private static ILocator Row(IPage page, string feature) => page.Locator($"#psi-table tr[data-feature='{feature}']");

    private static Task StoredAsync(IPredictionStore store, int count) =>
        Eventually.UntilAsync(() => store.CountAsync(CancellationToken.None), n => n >= count, TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(100), $"{count} predictions stored");
}
