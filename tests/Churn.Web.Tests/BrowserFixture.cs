using Churn.Api.Tests;
using Microsoft.Playwright;

namespace Churn.Web.Tests;

/// <summary>
/// The Api and the Web on loopback Kestrel ports and one headless Debian Chromium (never a downloaded browser).
/// Screenshots go to artifacts/screenshots/.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public static bool ChromiumAvailable => File.Exists(ChromiumPath);

    public ApiServer Api { get; } = new();
    public WebServer Web { get; private set; } = null!;
    public Uri WebAddress { get; private set; } = null!;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async ValueTask InitializeAsync()
    {
        await Api.Store.UpsertAsync(TestData.Seed(), CancellationToken.None);
        await Api.Store.RegisterModelAsync(Api.Model.Current!.Card, CancellationToken.None);
        Web = new WebServer(Api.Address);
        WebAddress = Web.Address;
        if (!ChromiumAvailable) return;
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        Assert.SkipUnless(ChromiumAvailable, $"{ChromiumPath} is not installed (apt-get install chromium); browser tests need Debian's Chromium.");
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = WebAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{name}.png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Churn.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Churn.sln not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        await Web.DisposeAsync();
        await Api.DisposeAsync();
    }
}
