using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Churn.Api.Extensions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Churn.Api.Security;

/// <summary>
/// Authenticates callers of mutating endpoints by the <c>X-Api-Key</c> header against <c>Churn:ApiKey</c>
/// (constant-time comparison). Runs before the endpoint reads its body. No header → 401; a wrong key → 403; both
/// with a ProblemDetails body saying why.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger,
    UrlEncoder encoder, IOptions<ChurnApiOptions> apiOptions, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var supplied) || string.IsNullOrEmpty(supplied))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var expected = apiOptions.Value.ApiKey;
        if (string.IsNullOrEmpty(expected) || !Matches(supplied.ToString(), expected))
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var keyGiven = Request.Headers.ContainsKey(HeaderName);
        Response.StatusCode = keyGiven ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        if (!keyGiven) Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        var detail = string.IsNullOrEmpty(apiOptions.Value.ApiKey)
            ? "Mutating endpoints are disabled: no API key is configured on the server (Churn:ApiKey)."
            : keyGiven ? $"The {HeaderName} header does not match the configured API key."
            : $"This endpoint changes state and requires the {HeaderName} header.";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Title = keyGiven ? "Invalid API key" : "API key required", Detail = detail, Status = Response.StatusCode },
        });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => HandleChallengeAsync(properties);

    /// <summary>Whether <paramref name="supplied"/> is the key (a constant-time comparison of their SHA-256).</summary>
    internal static bool Matches(string supplied, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(supplied)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
