using Churn.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Churn.AppHost.Tests;

public class ModeSelectorTests
{
    private static readonly ContainerRuntimeStatus DockerAnswers = new(true, "'docker info' answered (server 28.2.2)");
    private static readonly ContainerRuntimeStatus NoRuntime = new(false, "'docker info' failed: Cannot connect to the Docker daemon");

    private static ModeSelection Select(ContainerRuntimeStatus runtime, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)))
            .Build();
        return ModeSelector.Select(configuration, () => runtime);
    }

    [Fact]
    public void A_container_runtime_that_answers_selects_containers_and_says_which()
    {
        var selection = Select(DockerAnswers);

        Assert.Equal(InfrastructureMode.Containers, selection.Mode);
        Assert.Contains("'docker info' answered", selection.Reason);
    }

    [Fact]
    public void Without_runtime_or_connection_strings_the_mode_is_embedded_and_the_reason_names_the_probe()
    {
        var selection = Select(NoRuntime);

        Assert.Equal(InfrastructureMode.Embedded, selection.Mode);
        Assert.Contains("Cannot connect to the Docker daemon", selection.Reason);
    }

    [Fact]
    public void Connection_strings_select_external_even_when_a_runtime_answers()
    {
        var selection = Select(DockerAnswers, ("ConnectionStrings:kafka", "broker:9092"), ("ConnectionStrings:mongodb", "mongodb://db"));

        Assert.Equal(InfrastructureMode.External, selection.Mode);
    }

    [Fact]
    public void Kafka_alone_selects_external_kafka_with_the_sqlite_store_and_says_so()
    {
        var selection = Select(DockerAnswers, ("ConnectionStrings:kafka", "broker:9092"));

        Assert.Equal(InfrastructureMode.ExternalKafka, selection.Mode);
        Assert.Contains("ConnectionStrings:mongodb is not", selection.Reason);
        Assert.Contains("SQLite", selection.Reason);
    }

    [Fact]
    public void MongoDB_alone_is_refused_with_the_missing_kafka_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Select(NoRuntime, ("ConnectionStrings:mongodb", "mongodb://db")));

        Assert.Contains("missing: ConnectionStrings:kafka", error.Message);
    }

    [Theory]
    [InlineData("containers", InfrastructureMode.Containers)]
    [InlineData("Embedded", InfrastructureMode.Embedded)]
    [InlineData("external-kafka", InfrastructureMode.ExternalKafka)]
    public void A_forced_mode_wins_over_detection(string forced, InfrastructureMode expected)
    {
        var runtime = expected == InfrastructureMode.Containers ? NoRuntime : DockerAnswers;

        var selection = Select(runtime, ("Churn:Mode", forced), ("ConnectionStrings:kafka", "broker:9092"));

        Assert.Equal(expected, selection.Mode);
        Assert.Contains($"Churn:Mode is set to '{forced}'", selection.Reason);
    }

    [Fact]
    public void Forced_external_without_connection_strings_names_both_missing_keys()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Select(NoRuntime, ("Churn:Mode", "external")));

        Assert.Contains("missing: ConnectionStrings:kafka, ConnectionStrings:mongodb", error.Message);
    }

    [Fact]
    public void Forced_external_kafka_without_kafka_names_the_missing_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Select(NoRuntime, ("Churn:Mode", "external-kafka")));

        Assert.Contains("missing: ConnectionStrings:kafka", error.Message);
    }

    [Theory]
    [InlineData("kubernetes")]
    [InlineData("7")]
    public void An_unknown_forced_mode_is_refused(string forced)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Select(DockerAnswers, ("Churn:Mode", forced)));

        Assert.Contains($"Churn:Mode='{forced}' is not a mode", error.Message);
    }

    [Fact]
    public void The_probe_is_not_run_when_the_mode_is_forced()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create("Churn:Mode", (string?)"embedded")])
            .Build();

        var selection = ModeSelector.Select(configuration, () => throw new InvalidOperationException("probed"));

        Assert.Equal(InfrastructureMode.Embedded, selection.Mode);
    }
}
