using System.Net;

namespace Churn.Web.Tests;

/// <summary>Every response of the Web carries the security headers: pages, static files and error pages alike.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class SecurityHeadersTests(BrowserFixture system)
{
    public const string ExpectedPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/model", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/js/dashboard.js", HttpStatusCode.OK)]
    [InlineData("/favicon.ico", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    public async Task A_response_carries_the_content_security_policy_and_the_other_security_headers(string path, HttpStatusCode status)
    {
        Churn.Testing.RepositoryPaths.SkipUnlessDataPresent();
        using var http = new HttpClient { BaseAddress = system.WebAddress };

        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(ExpectedPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
