using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Churn.Api.Tests;

/// <summary>The service defaults' endpoints: /health is readiness (checks tagged "ready"), /alive is liveness.</summary>
public sealed class HealthEndpointTests
{
    [Theory]
    [InlineData(new[] { "ready" }, HttpStatusCode.ServiceUnavailable)]
    [InlineData(new[] { "diagnostic" }, HttpStatusCode.OK)]
    public async Task Health_runs_only_the_checks_tagged_ready(string[] tags, HttpStatusCode expected)
    {
        await using var app = await StartAsync(checks => checks.AddCheck("failing", () => HealthCheckResult.Unhealthy("down"), tags));
        using var client = app.GetTestClient();

        var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(expected, health.StatusCode);
    }

    [Fact]
    public async Task Alive_answers_while_a_ready_check_fails()
    {
        await using var app = await StartAsync(checks => checks.AddCheck("failing", () => HealthCheckResult.Unhealthy("down"), ["ready"]));
        using var client = app.GetTestClient();

        var alive = await client.GetAsync("/alive", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<WebApplication> StartAsync(Action<IHealthChecksBuilder> addChecks)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        addChecks(builder.Services.AddHealthChecks());
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}
