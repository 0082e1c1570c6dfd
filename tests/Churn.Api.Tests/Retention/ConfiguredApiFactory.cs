namespace Churn.Api.Tests.Retention;

/// <summary>The Api with <paramref name="settings"/> on top of the shared test settings, for a test that starts its own.</summary>
public sealed class ConfiguredApiFactory(Dictionary<string, string?> settings) : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = settings;
}
