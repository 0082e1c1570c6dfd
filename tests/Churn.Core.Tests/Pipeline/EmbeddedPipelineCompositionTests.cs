using Churn.Core.Composition;
using Churn.Core.Serving;
using Churn.Core.Storage;
using Churn.Core.Storage.Sqlite;
using Churn.Core.Worker;
using Churn.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Churn.Core.Tests.EndToEnd;

/// <summary>The in-process pipeline as the Api composes it: one process replays the test file into SQLite at start.</summary>
public sealed class EmbeddedPipelineCompositionTests
{
    [Fact]
    public async Task A_host_with_the_embedded_pipeline_scores_the_replayed_test_file_into_the_sqlite_file()
    {
        var modelDirectory = await TrainedModel.EnsureAsync();
        using var directory = new TempDirectory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = directory.Path, EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Churn:Model:Directory"] = modelDirectory,
            ["Churn:Model:Watch"] = "false",
            ["Churn:Sqlite:Path"] = "churn.db",
            ["Churn:Ingest:File"] = RepositoryPaths.TestFile,
        });
        // What Churn.Api composes with Churn:Transport=embedded and Churn:Store=sqlite.
        builder.AddInProcessPipeline();
        builder.AddSqlitePredictionStore();
        builder.AddChurnModel();
        using var host = builder.Build();
        using var probe = new PipelineProbe(host.Services.GetRequiredService<ScoringMetrics>());

        await host.StartAsync(TestContext.Current.CancellationToken);
        probe.WaitForWritten(667);
        await host.StopAsync(TestContext.Current.CancellationToken);

        var store = host.Services.GetRequiredService<IPredictionStore>();
        Assert.Equal(667, await store.CountAsync(TestContext.Current.CancellationToken));
        Assert.True(File.Exists(directory.Combine("churn.db")));
        Assert.Single(await store.GetModelsAsync(TestContext.Current.CancellationToken));
    }
}
