using Churn.AppHost.Services;
using Churn.Testing;
using TempDirectory = Churn.Testing.TempDirectory;

namespace Churn.AppHost.Tests;

/// <summary>
/// With a model but no test file the AppHost still builds the whole application, and the services that ingest at
/// start (the Api in embedded mode, the Ingest process with Kafka) are told to ingest the synthetic stream.
/// </summary>
public sealed class SyntheticStreamModeTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly TempDirectory model = new();

    public SyntheticStreamModeTests()
    {
        File.WriteAllText(model.Combine("model.onnx"), "graph");
        File.WriteAllText(model.Combine("model-card.json"), "{}");
        File.WriteAllText(data.Combine(TrainerArgumentsExtensions.TrainingFile), "csv"); // the test file is what counts
    }

    private Task<IDistributedApplicationTestingBuilder> BuildAsync(params string[] args) =>
        AppModel.CreateAsync([$"--Churn:DataDirectory={data.Path}", $"--Churn:ModelDirectory={model.Path}", .. args]);

    [Fact]
    public async Task In_embedded_mode_the_api_ingests_the_synthetic_stream()
    {
        await using var builder = await BuildAsync("--Churn:Mode=embedded");

        var environment = await builder.Single<ProjectResource>("api").EnvironmentAsync();

        Assert.Equal("Synthetic", environment["Churn__Ingest__Mode"]);
        Assert.Equal(model.Path, environment["Churn__Model__Directory"]);
    }

    [Fact]
    public async Task With_kafka_the_ingest_process_publishes_the_synthetic_stream_at_a_steady_rate()
    {
        await using var builder = await BuildAsync("--ConnectionStrings:kafka=broker-1.example:9092");

        var environment = await builder.Single<ProjectResource>("ingest").EnvironmentAsync();

        Assert.Equal("Synthetic", environment["Churn__Ingest__Mode"]);
        Assert.Equal("50", environment["Churn__Ingest__Rate"]);
    }

    [Fact]
    public async Task With_the_test_file_the_services_keep_their_own_ingest_settings()
    {
        File.WriteAllText(data.Combine(TrainerArgumentsExtensions.TestFile), "csv");
        await using var builder = await BuildAsync("--ConnectionStrings:kafka=broker-1.example:9092");

        foreach (var service in new[] { "api", "ingest" })
        {
            var environment = await builder.Single<ProjectResource>(service).EnvironmentAsync();
            Assert.DoesNotContain("Churn__Ingest__Mode", environment.Keys);
        }
    }

    public void Dispose()
    {
        data.Dispose();
        model.Dispose();
    }
}
