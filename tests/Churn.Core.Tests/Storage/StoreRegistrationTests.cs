using Churn.Core.Storage;
using Churn.Core.Storage.Sqlite;
using Churn.MongoDB;
using Churn.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

namespace Churn.Core.Tests.Storage;

/// <summary>The Aspire-style registrations: configuration paths, singletons, health checks.</summary>
public sealed class StoreRegistrationTests(TempDirectory directory) : IClassFixture<TempDirectory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HostApplicationBuilder Builder(string contentRoot, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        return builder;
    }

    [Fact]
    public void A_missing_MongoDB_connection_string_names_both_configuration_paths()
    {
        var builder = Builder(directory.Path);
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddMongoDBClient("mongodb"));
        Assert.Contains("ConnectionStrings:mongodb", error.Message);
        Assert.Contains("'ConnectionString' key of the 'Churn:MongoDB' configuration section", error.Message);
    }

    [Theory]
    [InlineData("mongodb://localhost:27017/retention", "retention")]
    [InlineData("mongodb://localhost:27017", "churn")]
    public void The_database_is_the_one_the_url_names_else_the_configured_fallback(string url, string database)
    {
        var builder = Builder(directory.Path, ("ConnectionStrings:mongodb", url));
        builder.AddMongoDBClient();
        builder.AddMongoDBPredictionStore();
        using var host = builder.Build();
        var services = host.Services;

        Assert.Equal(database, services.GetRequiredService<IMongoDatabase>().DatabaseNamespace.DatabaseName);
        Assert.Same(services.GetRequiredService<IMongoClient>(), services.GetRequiredService<IMongoClient>());
        Assert.IsType<MongoPredictionStore>(services.GetRequiredService<IPredictionStore>());
    }

    [Fact]
    public void ConnectionStrings_wins_over_the_options_section_and_tracing_can_be_disabled()
    {
        var builder = Builder(directory.Path,
            ("ConnectionStrings:mongodb", "mongodb://winner:27017"),
            ("Churn:MongoDB:ConnectionString", "mongodb://loser:27017"),
            ("Churn:MongoDB:DisableTracing", "true"));
        builder.AddMongoDBClient();
        using var host = builder.Build();
        var services = host.Services;

        var settings = services.GetRequiredService<IMongoClient>().Settings;
        Assert.Equal("winner", settings.Server.Host);
        Assert.True(settings.TracingOptions.Disabled);
        Assert.Equal(0, settings.TracingOptions.QueryTextMaxLength);
    }

    [Fact]
    public async Task The_MongoDB_health_check_reports_unhealthy_within_its_timeout_when_no_server_answers()
    {
        var builder = Builder(directory.Path,
            ("ConnectionStrings:mongodb", "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300&connectTimeoutMS=300"),
            ("Churn:MongoDB:HealthCheckTimeout", "00:00:02"));
        builder.AddMongoDBClient();
        using var host = builder.Build();
        var services = host.Services;

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Ct);

        var entry = report.Entries[MongoDBExtensions.HealthCheckName];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("MongoDB", entry.Description);
        Assert.True(entry.Duration < TimeSpan.FromSeconds(10), $"took {entry.Duration}");
    }

    [Fact]
    public async Task The_SQLite_store_resolves_its_file_against_the_content_root_and_reports_healthy()
    {
        var builder = Builder(directory.Path, ("Churn:Sqlite:Path", "data/registered.db"));
        builder.AddSqlitePredictionStore();
        using var host = builder.Build();
        var services = host.Services;

        var store = Assert.IsType<SqlitePredictionStore>(services.GetRequiredService<IPredictionStore>());
        Assert.Equal(Path.Combine(directory.Path, "data", "registered.db"), store.FilePath);
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Ct);
        Assert.Equal(HealthStatus.Healthy, report.Entries[SqliteExtensions.HealthCheckName].Status);
        Assert.True(File.Exists(store.FilePath));
    }
}
