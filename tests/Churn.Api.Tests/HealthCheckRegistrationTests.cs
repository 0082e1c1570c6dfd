using Churn.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Churn.Api.Tests;

/// <summary>The Api's real composition: every component check is a readiness check, so /health reports it.</summary>
public sealed class HealthCheckRegistrationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public void Every_check_is_tagged_ready_except_the_liveness_self_check()
    {
        var registrations = factory.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        Assert.Equal(["dead-letter-recorder", "model", "scoring-worker", "self", "sqlite"], registrations.Select(r => r.Name).Order());
        Assert.All(registrations.Where(r => r.Name != "self"), r => Assert.Contains("ready", r.Tags));
        Assert.Equal(["live"], registrations.Single(r => r.Name == "self").Tags);
    }

    [Fact]
    public async Task Health_is_healthy_once_the_model_serves_and_the_worker_consumes()
    {
        using var client = factory.CreateClient();

        using var health = await Eventually.OkAsync(client, "/health", TimeSpan.FromSeconds(30));

        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
