using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Churn.Domain.Api;
using Churn.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Churn.Web.Tests;

/// <summary>
/// Every page works in Chromium under the Web's Content-Security-Policy: the live feed's EventSource and the summary
/// refresh (same origin), the scripts from wwwroot/js, the SVG charts, the forms — and the browser reports no violation,
/// neither as a <c>securitypolicyviolation</c> event nor on the console.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class ContentSecurityPolicyTests(BrowserFixture system)
{
    // Runs before any page script (injected by the browser's debugging protocol, so the policy does not block it).
    private const string RecordViolations =
        "window.__violations = []; document.addEventListener('securitypolicyviolation', " +
        "e => window.__violations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.documentURI));";

    [Fact]
    public async Task The_live_feed_and_every_page_work_under_the_policy_with_no_violation_reported()
    {
        var page = await system.NewPageAsync();
        await page.AddInitScriptAsync(RecordViolations);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };

        var dashboard = await page.GotoAsync("/");
        Assert.Equal(SecurityHeadersTests.ExpectedPolicy, await dashboard!.HeaderValueAsync("content-security-policy"));
        await Expect(page.Locator("#feed-status")).ToHaveTextAsync(new Regex("^Live"));
        var before = await page.Locator("#tile-total").TextContentAsync();

        using var http = system.ApiClient();
        var risky = CustomerInput.From(TestCustomers.Typical(serviceCalls: 8, dayMinutes: 330, intlPlan: true), customerId: "csp-risky-1");
        (await http.PostAsJsonAsync("/api/customers", new CustomerBatchRequest { Customers = [risky] },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        await Expect(page.Locator("#feed tbody tr").Filter(new() { HasText = "csp-risky-1" })).ToHaveCountAsync(1); // EventSource
        await Expect(page.Locator("#tile-total")).Not.ToHaveTextAsync(before!); // the summary refresh (fetch)
        await Expect(page.Locator("#chart-probability svg rect.bar")).ToHaveCountAsync(20);
        violations.AddRange(await RecordedAsync(page));

        foreach (var path in new[] { "/customers", "/customers/csp-risky-1", "/model", "/monitoring", "/dead-letters", "/no-such-page" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).Not.ToBeEmptyAsync();
            violations.AddRange(await RecordedAsync(page));
        }

        await page.GotoAsync("/whatif");
        await page.GetByRole(AriaRole.Button, new() { Name = "Score this customer" }).ClickAsync(); // form-action 'self'
        await Expect(page.Locator("#whatif-probability strong")).ToHaveTextAsync(new Regex("%$"));
        violations.AddRange(await RecordedAsync(page));

        Assert.Empty(violations);
    }

    private static async Task<string[]> RecordedAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => window.__violations");
}
