namespace Churn.Web.Services;

/// <summary>
/// Where the Web reaches the Api, and why: <c>ChurnApi:BaseAddress</c> when set; else <c>https+http://api</c> when
/// service discovery knows the Api (the AppHost gives the Web <c>services__api__http__0</c> and friends); else the
/// Api's own local address, <c>http://localhost:5101</c> (the Web started by hand beside a hand-started Api).
/// </summary>
public sealed record ChurnApiAddress(Uri BaseAddress, string Reason)
{
    public const string ConfigurationKey = "ChurnApi:BaseAddress";

    /// <summary>The Api's entries under service discovery's configuration (<c>services:api:http:0</c>…).</summary>
    public const string ServiceDiscoverySection = "services:api";

    public const string ServiceDiscoveryAddress = "https+http://api";

    /// <summary>The Api's port under the AppHost (<c>Churn:ApiPort</c>) and in its launch profile.</summary>
    public const string LocalAddress = "http://localhost:5101";

    public static ChurnApiAddress From(IConfiguration configuration)
    {
        if (configuration[ConfigurationKey] is { Length: > 0 } configured)
        {
            return new(new Uri(configured), $"{ConfigurationKey} is set");
        }
        return configuration.GetSection(ServiceDiscoverySection).GetChildren().Any()
            ? new(new Uri(ServiceDiscoveryAddress), $"service discovery knows the Api ({ServiceDiscoverySection}:* is configured)")
            : new(new Uri(LocalAddress),
                $"neither {ConfigurationKey} nor service discovery ({ServiceDiscoverySection}:*) is configured: the Api's local default");
    }
}
