using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Churn.Web.Tests;

/// <summary>
/// The Web whose Api is not there (nothing listens on its port) answers its pages with a 503 that names the address it
/// tried and why, instead of a 500; pages that need no Api (static files, health) still work.
/// </summary>
public sealed class ApiUnavailableTests : IAsyncDisposable
{
    private readonly Uri closedPort = ClosedPort();
    private readonly WebServer web;

    public ApiUnavailableTests() =>
        // The standard resilience handler retries a refused connection three times, 2 s apart and doubling; the
        // outcome is the same sooner with short delays.
        web = new WebServer(closedPort, services => services.ConfigureAll<HttpStandardResilienceOptions>(
            options => options.Retry.Delay = TimeSpan.FromMilliseconds(10)));

    [Theory]
    [InlineData("/")]
    [InlineData("/model")]
    [InlineData("/customers")]
    public async Task A_page_that_needs_the_unreachable_api_is_a_503_naming_the_address_it_tried(string page)
    {
        using var http = new HttpClient { BaseAddress = web.Address };

        var response = await http.GetAsync(page, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("The Api cannot be reached", html);
        Assert.Contains($"<code id=\"api-address\">{closedPort}</code>", html);
        Assert.Contains($"Connection refused ({closedPort.Host}:{closedPort.Port})", html);
        Assert.Contains("ChurnApi:BaseAddress", html);
        SecurityHeadersTests.AssertSecurityHeaders(response); // kept through the re-rendering as the error page
    }

    [Fact]
    public async Task Static_files_and_health_need_no_api()
    {
        using var http = new HttpClient { BaseAddress = web.Address };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/favicon.ico", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/alive", TestContext.Current.CancellationToken)).StatusCode);
    }

    public ValueTask DisposeAsync() => web.DisposeAsync();

    /// <summary>A loopback port nothing listens on: one the OS just handed out and that was closed again.</summary>
    private static Uri ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
