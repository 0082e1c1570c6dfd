using System.Globalization;
using Churn.Core.Storage;
using Churn.Core.Transport;
using Churn.Domain.DeadLetters;
using Churn.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Churn.Web.Tests;

/// <summary>
/// Poison records published straight into the Api's embedded pipeline, dead-lettered by the worker and recorded, as
/// the Web shows them: the Dead letters page lists them with their excerpt as text (markup in it is encoded, never
/// run), and the dashboard's tile counts them.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class DeadLettersPageTests(BrowserFixture system)
{
    private const string Markup = "<script>document.title='pwned'</script><b id=\"injected\">not json</b>";

    private async Task<DeliveryReport> PublishPoisonAsync(string key, string value)
    {
        var services = system.Api.Services;
        var topic = services.GetRequiredService<IOptions<PipelineTopicsOptions>>().Value.Customers;
        var delivered = new TaskCompletionSource<DeliveryReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        services.GetRequiredService<IEventPublisher>().Publish(topic, new EventMessage(key, System.Text.Encoding.UTF8.GetBytes(value), []),
            delivered.SetResult);
        var report = await delivered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(report.Delivered, report.Error);
        return report;
    }

    private Task<Domain.Api.DeadLetterPage> RecordedAsync(Func<Domain.Api.DeadLetterPage, bool> done, string what) =>
        Eventually.UntilAsync(() => system.Api.Services.GetRequiredService<IDeadLetterStore>()
                .QueryDeadLettersAsync(new DeadLetterQuery { PageSize = DeadLetterQuery.MaxPageSize }, CancellationToken.None),
            done, TimeSpan.FromSeconds(30), what: what);

    [Fact]
    public async Task The_dead_letters_page_lists_the_poison_records_with_the_excerpt_encoded_and_the_dashboard_tile_counts_them()
    {
        var page = await system.NewPageAsync();
        var hostile = await PublishPoisonAsync("web-dl-markup", Markup);
        await PublishPoisonAsync("web-dl-plain", "plain garbage");
        var recorded = await RecordedAsync(p => p.Items.Count(l => l.Key.StartsWith("web-dl-")) == 2, "both poison records recorded");

        await page.GotoAsync("/");
        await Expect(page.Locator("#tile-dead-letters")).ToHaveTextAsync(recorded.Total.ToString("N0", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Dead letters" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Dead letters");
        Assert.EndsWith("/dead-letters", new Uri(page.Url).AbsolutePath);
        var row = page.Locator("#dead-letters tbody tr").Filter(new() { HasText = "document.title" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("code.excerpt")).ToHaveTextAsync(Markup);
        Assert.Contains("&lt;script&gt;", await row.Locator("code.excerpt").InnerHTMLAsync());
        await Expect(page.Locator("#dead-letters script, #injected")).ToHaveCountAsync(0);
        Assert.NotEqual("pwned", await page.TitleAsync());
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("deserialization failed");
        await Expect(row.Locator("td").Nth(2)).ToContainTextAsync("deserialization failed: invalid JSON");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync($"{hostile.Topic}[{hostile.Partition}]@{hostile.Offset}");
        await Expect(page.Locator("#dead-letters tbody tr").Filter(new() { HasText = "plain garbage" })).ToHaveCountAsync(1);
        var kinds = page.Locator("#dead-letter-kinds tbody tr").Filter(new() { HasText = "deserialization failed" });
        await Expect(kinds.Locator("td.num")).ToHaveTextAsync(
            recorded.ByReasonKind.Single(k => k.ReasonKind == "deserialization failed").Count.ToString("N0", CultureInfo.InvariantCulture));
        await BrowserFixture.ScreenshotAsync(page, "dead-letters");
    }
}
