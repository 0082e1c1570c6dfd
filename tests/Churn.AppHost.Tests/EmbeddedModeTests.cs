using Churn.Testing;

namespace Churn.AppHost.Tests;

/// <summary>Embedded mode: no infrastructure; the Api hosts ingest and scoring in-process.</summary>
public class EmbeddedModeTests
{
    private static Task<IDistributedApplicationTestingBuilder> BuildAsync() => AppModel.CreateAsync("--Churn:Mode=embedded");

    [Fact]
    public async Task No_infrastructure_and_no_separate_ingest_or_scoring_process()
    {
        await using var builder = await BuildAsync();

        string[] absent = ["kafka", "kafka-broker", "mongodb", "mongo", "mongo-password", "ingest", "scoring"];
        Assert.All(absent, name => Assert.DoesNotContain(builder.Resources, resource => resource.Name == name));
        Assert.Equal(
            ["api", "retrain", "trainer", "web"],
            builder.Resources.OfType<ProjectResource>().Select(project => project.Name).Order());
    }

    [Fact]
    public async Task The_api_is_told_to_host_the_pipeline_over_the_embedded_transport_and_sqlite()
    {
        await using var builder = await BuildAsync();

        var environment = await builder.Single<ProjectResource>("api").EnvironmentAsync();

        Assert.DoesNotContain(environment.Keys, key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        Assert.Equal("{api-key.value}", environment["Churn__ApiKey"]);
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "data", "churn.db"), environment["Churn__Sqlite__Path"]);
        Assert.Equal("embedded", environment["Churn__Transport"]);
        Assert.Equal("sqlite", environment["Churn__Store"]);
    }

    [Fact]
    public async Task Every_service_shares_the_repository_model_and_data_directories()
    {
        await using var builder = await BuildAsync();
        var root = RepositoryPaths.Root;

        foreach (var service in new[] { "trainer", "retrain", "api" })
        {
            var environment = await builder.Single<ProjectResource>(service).EnvironmentAsync();
            Assert.Equal(Path.Combine(root, "artifacts", "model"), environment["Churn__Model__Directory"]);
            Assert.Equal(Path.Combine(root, "data"), environment["Churn__DataDirectory"]);
        }
    }

    [Fact]
    public async Task The_trainer_trains_only_when_the_model_is_missing_and_the_others_wait_for_it()
    {
        await using var builder = await BuildAsync();
        var root = RepositoryPaths.Root;

        Assert.Equal(
            ["--train", Path.Combine(root, "data", "churn-bigml-80.csv"), "--test", Path.Combine(root, "data", "churn-bigml-20.csv"),
             "--out", Path.Combine(root, "artifacts", "model"), "--if-missing"],
            await builder.Single<ProjectResource>("trainer").ArgumentsAsync());
        Assert.DoesNotContain("--if-missing", await builder.Single<ProjectResource>("retrain").ArgumentsAsync());
        Assert.Contains(builder.Single<ProjectResource>("retrain").Annotations, annotation => annotation is ExplicitStartupAnnotation);

        var apiWaits = builder.Single<ProjectResource>("api").Annotations.OfType<WaitAnnotation>();
        Assert.Contains(apiWaits, wait => wait.Resource.Name == "trainer" && wait.WaitType == WaitType.WaitForCompletion);
    }

    [Fact]
    public async Task Operators_get_replay_reload_promote_and_retrain_buttons()
    {
        await using var builder = await BuildAsync();

        var apiCommands = builder.Single<ProjectResource>("api").Annotations.OfType<ResourceCommandAnnotation>().Select(c => c.Name);
        var trainerCommands = builder.Single<ProjectResource>("trainer").Annotations.OfType<ResourceCommandAnnotation>().Select(c => c.Name);

        Assert.Contains("replay-test-file", apiCommands);
        Assert.Contains("reload-model", apiCommands);
        Assert.Contains("promote-challenger", apiCommands);
        Assert.Contains("retrain-model", trainerCommands);
    }
}
