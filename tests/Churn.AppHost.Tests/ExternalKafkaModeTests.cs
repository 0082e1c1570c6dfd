using Churn.Testing;

namespace Churn.AppHost.Tests;

/// <summary>
/// External Kafka without MongoDB: the services run as separate processes over that Kafka (scoring scaled out in one
/// consumer group) and share the SQLite store under data/.
/// </summary>
public class ExternalKafkaModeTests
{
    private const string Kafka = "broker-1.example:9092";

    private static Task<IDistributedApplicationTestingBuilder> BuildAsync(params string[] args) =>
        AppModel.CreateAsync([$"--ConnectionStrings:kafka={Kafka}", .. args]);

    [Fact]
    public async Task Every_service_runs_as_its_own_process_and_no_container_or_mongodb_is_defined()
    {
        await using var builder = await BuildAsync();

        Assert.Equal(["api", "ingest", "retrain", "scoring", "trainer", "web"],
            builder.Resources.OfType<ProjectResource>().Select(project => project.Name).Order());
        Assert.Empty(builder.Resources.OfType<ContainerResource>());
        Assert.DoesNotContain(builder.Resources, resource => resource.Name == "mongodb");
    }

    [Theory]
    [InlineData("ingest", false)]
    [InlineData("scoring", true)]
    [InlineData("api", true)]
    public async Task Services_use_kafka_and_the_one_sqlite_file(string service, bool opensTheStore)
    {
        await using var builder = await BuildAsync();

        var environment = await builder.Single<ProjectResource>(service).EnvironmentAsync();

        Assert.Equal("kafka", environment["Churn__Transport"]);
        Assert.Equal("sqlite", environment["Churn__Store"]);
        Assert.Equal("{kafka.connectionString}", environment["ConnectionStrings__kafka"]);
        Assert.DoesNotContain("ConnectionStrings__mongodb", environment.Keys);
        Assert.Equal(opensTheStore, environment.TryGetValue("Churn__Sqlite__Path", out var path));
        if (opensTheStore)
        {
            Assert.Equal(Path.Combine(RepositoryPaths.Root, "data", "churn.db"), path);
        }
    }

    [Theory]
    [InlineData(new string[0], 2)]
    [InlineData(new[] { "--Churn:ScoringReplicas=3" }, 3)]
    public async Task Scoring_runs_two_replicas_by_default_and_as_many_as_configured(string[] args, int replicas)
    {
        await using var builder = await BuildAsync(args);

        var scoring = builder.Single<ProjectResource>("scoring");

        Assert.Equal(replicas, Assert.Single(scoring.Annotations.OfType<ReplicaAnnotation>()).Replicas);
    }
}
