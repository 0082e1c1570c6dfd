namespace Churn.AppHost.Tests;

/// <summary>External mode: existing clusters named by connection strings in the AppHost's configuration.</summary>
public class ExternalModeTests
{
    private const string Kafka = "broker-1.example:9092,broker-2.example:9092";
    private const string MongoDb = "mongodb://churn:secret@db.example:27017/churn?replicaSet=rs0";

    private static Task<IDistributedApplicationTestingBuilder> BuildAsync() =>
        AppModel.CreateAsync($"--ConnectionStrings:kafka={Kafka}", $"--ConnectionStrings:mongodb={MongoDb}");

    [Fact]
    public async Task Connection_strings_select_external_mode_and_no_container_is_defined()
    {
        await using var builder = await BuildAsync();

        Assert.Empty(builder.Resources.OfType<ContainerResource>());
        Assert.DoesNotContain(builder.Resources, resource => resource.Name == "mongo-password");
    }

    [Fact]
    public async Task The_configured_connection_strings_pass_through_unchanged()
    {
        await using var builder = await BuildAsync();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(Kafka, await builder.Single<IResourceWithConnectionString>("kafka").GetConnectionStringAsync(ct));
        Assert.Equal(MongoDb, await builder.Single<IResourceWithConnectionString>("mongodb").GetConnectionStringAsync(ct));
    }

    [Theory]
    [InlineData("ingest", "kafka")]
    [InlineData("scoring", "kafka")]
    [InlineData("scoring", "mongodb")]
    [InlineData("api", "kafka")]
    [InlineData("api", "mongodb")]
    public async Task Services_reference_the_external_connection_strings(string service, string connection)
    {
        await using var builder = await BuildAsync();

        var environment = await builder.Single<ProjectResource>(service).EnvironmentAsync();

        Assert.Equal($"{{{connection}.connectionString}}", environment[$"ConnectionStrings__{connection}"]);
    }
}
