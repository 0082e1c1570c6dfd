using Microsoft.Extensions.Configuration;

namespace Churn.AppHost.Services;

public static class RetentionEconomicsExtensions
{
    /// <summary>RetentionOptions (section Churn:Retention): the deployment's customer value, offer cost, acceptance rate and campaign cap.</summary>
    public const string SectionName = "Churn:Retention";

    /// <summary>
    /// Every <c>Churn:Retention:*</c> key set in the AppHost's configuration (user secrets, appsettings, the command line)
    /// goes to the service as <c>Churn__Retention__*</c>, so the economics are per deployment; keys left unset keep the
    /// service's documented defaults. The service validates them at start.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithRetentionEconomics(this IResourceBuilder<ProjectResource> project, IConfiguration configuration)
    {
        foreach (var (key, value) in configuration.GetSection(SectionName).AsEnumerable(makePathsRelative: true))
        {
            if (value is not null) project.WithEnvironment($"Churn__Retention__{key.Replace(":", "__", StringComparison.Ordinal)}", value);
        }
        return project;
    }
}
