namespace Churn.AppHost.Tests;

/// <summary>The containers-mode application model, built without starting a container.</summary>
public class ContainersModeTests
{
    private static Task<IDistributedApplicationTestingBuilder> BuildAsync(params string[] extra) =>
        AppModel.CreateAsync(["--Churn:Mode=containers", "--Parameters:mongo-password=p@ss w0rd/+", .. extra]);

    [Fact]
    public async Task Kafka_runs_confluent_local_with_host_and_internal_listeners()
    {
        await using var builder = await BuildAsync();
        var broker = builder.Single<ContainerResource>("kafka-broker");

        var image = Assert.Single(broker.Annotations.OfType<ContainerImageAnnotation>());
        Assert.Equal(("docker.io", "confluentinc/confluent-local", "8.2.0"), (image.Registry, image.Image, image.Tag));
        Assert.Equal(9092, broker.Endpoint("tcp").TargetPort);
        Assert.Equal(9093, broker.Endpoint("internal").TargetPort);

        var environment = await broker.EnvironmentAsync();
        Assert.Equal(
            "PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:9092,PLAINTEXT_INTERNAL://0.0.0.0:9093",
            environment["KAFKA_LISTENERS"]);
        Assert.Equal(
            "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT,PLAINTEXT_INTERNAL:PLAINTEXT",
            environment["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"]);
        Assert.Equal(
            "PLAINTEXT://localhost:29092,PLAINTEXT_HOST://localhost:{kafka-broker.bindings.tcp.port},PLAINTEXT_INTERNAL://kafka-broker:9093",
            environment["KAFKA_ADVERTISED_LISTENERS"]);
    }

    [Fact]
    public async Task Kafka_connection_string_is_the_host_endpoint_the_broker_advertises()
    {
        await using var builder = await BuildAsync();
        var broker = builder.Single<ContainerResource>("kafka-broker");
        var kafka = builder.Single<IResourceWithConnectionString>("kafka");

        broker.Allocate("tcp", 39092);

        var ct = TestContext.Current.CancellationToken;
        Assert.Equal("localhost:39092", await kafka.GetConnectionStringAsync(ct));
        var advertised = await ((ReferenceExpression)(await broker.RawEnvironmentAsync())["KAFKA_ADVERTISED_LISTENERS"]).GetValueAsync(ct);
        Assert.Contains("PLAINTEXT_HOST://localhost:39092", advertised);
    }

    [Fact]
    public async Task MongoDB_runs_mongo_8_with_a_generated_secret_admin_password()
    {
        await using var builder = await BuildAsync();
        var mongo = builder.Single<ContainerResource>("mongo");
        var password = builder.Single<ParameterResource>("mongo-password");

        var image = Assert.Single(mongo.Annotations.OfType<ContainerImageAnnotation>());
        Assert.Equal(("docker.io", "library/mongo", "8.3"), (image.Registry, image.Image, image.Tag));
        Assert.Equal(27017, mongo.Endpoint("tcp").TargetPort);
        Assert.True(password.Secret);

        var environment = await mongo.EnvironmentAsync();
        Assert.Equal("admin", environment["MONGO_INITDB_ROOT_USERNAME"]);
        Assert.Equal("{mongo-password.value}", environment["MONGO_INITDB_ROOT_PASSWORD"]);
    }

    [Fact]
    public async Task MongoDB_connection_string_authenticates_as_admin_with_the_uri_encoded_password()
    {
        await using var builder = await BuildAsync();
        builder.Single<ContainerResource>("mongo").Allocate("tcp", 37017);
        var mongodb = builder.Single<IResourceWithConnectionString>("mongodb");

        Assert.Equal(
            "mongodb://admin:p%40ss%20w0rd%2F%2B@localhost:37017/churn?authSource=admin&authMechanism=SCRAM-SHA-256",
            await mongodb.GetConnectionStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("kafka-broker")]
    [InlineData("mongo")]
    public async Task Each_server_has_an_apphost_health_check_so_WaitFor_means_ready(string server)
    {
        await using var builder = await BuildAsync();

        var check = Assert.Single(builder.Single<ContainerResource>(server).Annotations.OfType<HealthCheckAnnotation>());
        Assert.Equal($"{server}-ready", check.Key);
    }

    [Theory]
    [InlineData("ingest", new[] { "kafka" })]
    [InlineData("scoring", new[] { "kafka", "mongodb" })]
    [InlineData("api", new[] { "kafka", "mongodb" })]
    public async Task Services_get_their_connection_strings_and_wait_for_healthy_servers_and_the_trainer(string service, string[] connections)
    {
        await using var builder = await BuildAsync();
        var project = builder.Single<ProjectResource>(service);

        var environment = await project.EnvironmentAsync();
        foreach (var connection in new[] { "kafka", "mongodb" })
        {
            Assert.Equal(connections.Contains(connection), environment.ContainsKey($"ConnectionStrings__{connection}"));
        }

        Assert.All(connections, connection =>
            Assert.Equal($"{{{connection}.connectionString}}", environment[$"ConnectionStrings__{connection}"]));

        var waits = project.Annotations.OfType<WaitAnnotation>().Select(wait => (wait.Resource.Name, wait.WaitType)).ToList();
        Assert.Contains(("trainer", WaitType.WaitForCompletion), waits);
        Assert.Contains(("kafka-broker", WaitType.WaitUntilHealthy), waits);
        Assert.Equal(connections.Contains("mongodb"), waits.Contains(("mongo", WaitType.WaitUntilHealthy)));
        Assert.DoesNotContain("Churn__Sqlite__Path", environment.Keys);
        Assert.Equal("kafka", environment["Churn__Transport"]);
        Assert.Equal("mongodb", environment["Churn__Store"]);
    }

    [Fact]
    public async Task Only_the_web_is_external_and_web_and_api_listen_on_5100_and_5101()
    {
        await using var builder = await BuildAsync();

        var external = builder.Resources.SelectMany(resource =>
            resource.Annotations.OfType<EndpointAnnotation>().Where(endpoint => endpoint.IsExternal).Select(_ => resource.Name));
        Assert.Equal(["web"], external.Distinct());
        Assert.Equal(5100, builder.Single<ProjectResource>("web").Endpoint("http").Port);
        Assert.Equal(5101, builder.Single<ProjectResource>("api").Endpoint("http").Port);
    }

    [Fact]
    public async Task Web_and_api_ports_are_overridable()
    {
        await using var builder = await BuildAsync("--Churn:WebPort=6200", "--Churn:ApiPort=6201");

        Assert.Equal(6200, builder.Single<ProjectResource>("web").Endpoint("http").Port);
        Assert.Equal(6201, builder.Single<ProjectResource>("api").Endpoint("http").Port);
    }
}
