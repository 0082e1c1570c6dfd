using Microsoft.AspNetCore.Authentication;

namespace Churn.Api.Security;

/// <summary>Registers the API-key scheme and its policy, and marks endpoints that require it.</summary>
public static class ApiKeyEndpointExtensions
{
    public const string PolicyName = "ApiKey";

    /// <summary>The endpoint requires a valid X-Api-Key (checked before the body is read); documented in OpenAPI.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PolicyName).WithMetadata(new RequiresApiKeyMetadata());

    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
            ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        return services;
    }
}
