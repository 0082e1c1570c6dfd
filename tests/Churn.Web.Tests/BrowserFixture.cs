using Churn.Testing;
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

    /// <summary>The rows of the test file, all replayed and scored before the first test (and shadowed by the challenger).</summary>
    public const int TestFileRows = 667;

    public async ValueTask InitializeAsync()
    {
        if (!RepositoryPaths.DataPresent) return; // every test skips, naming the missing file
        await Api.Settings.PrepareAsync();
        await TrainedChallenger.CopyToAsync(Path.Combine(Api.Settings.ModelDirectory, "challenger")); // scored in shadow beside it
        // Fill the store the way production does: replay the test file through the Api into the embedded pipeline.
        using (var http = ApiClient())
        {
            (await http.PostAsync("/api/admin/replay", content: null)).EnsureSuccessStatusCode();
            await Eventually.UntilAsync(() => Api.Store.CountAsync(CancellationToken.None), stored => stored >= TestFileRows,
                TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100), $"the {TestFileRows} replayed rows stored");
        }
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

    /// <summary>An HttpClient for the Api, with the API key.</summary>
    public HttpClient ApiClient()
    {
        var http = new HttpClient { BaseAddress = Api.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiServer.ApiKey);
        return http;
    }

    public Task<IPage> NewPageAsync(int width = 1280, int height = 900) => NewPageAsync(WebAddress, width, height);

    /// <summary>A page of this Chromium on another Web (a test's own Api and Web, for a store no other test sees).</summary>
    public async Task<IPage> NewPageAsync(Uri web, int width = 1280, int height = 900)
    {
        RepositoryPaths.SkipUnlessDataPresent();
        Assert.SkipUnless(ChromiumAvailable, $"{ChromiumPath} is not installed (apt-get install chromium); browser tests need Debian's Chromium.");
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = RepositoryPaths.Artifacts("screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (Web is not null) await Web.DisposeAsync();
        await Api.DisposeAsync();
    }
}
