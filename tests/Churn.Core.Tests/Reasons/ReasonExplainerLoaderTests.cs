using Churn.Core.Reasons;
using Churn.Core.Serving;
using Churn.Core.Tests.Doubles;
using Churn.Domain.Models;
using Churn.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Churn.Core.Tests.Reasons;

/// <summary>A model whose explainer is missing or not its own serves all the same, without reasons, and says why.</summary>
public sealed class ReasonExplainerLoaderTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task The_trainers_model_serves_with_its_explainer()
    {
        await CopyTrainedModelAsync();

        var served = ModelCandidate.LoadServing(_directory.Path, Options());

        Assert.Null(served.ReasonsUnavailable);
        Assert.Equal((TreePathExplainer.Method, 3), (served.Explainer!.Method, served.Explainer.Count));
        Assert.Equal(3, served.Explainer.Explain(TestCustomers.Typical()).Top.Count);
        served.Release();
    }

    public static TheoryData<string, string> Broken() => new()
    {
        { "missing", "does not exist" },
        { "not json", "cannot be read" },
        { "no covers", "cannot be read" },
        { "another model version", "it is for model other-0123456789ab, the card is" },
        { "another onnx file", "it is for a model.onnx with SHA-256 00" },
        { "another schema", "schema version 2; this build reads 1" },
        { "fewer covers", "has covers for 300 trees and 4499 nodes; the graph has 300 trees and 4500 nodes" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_missing_or_mismatched_explainer_means_no_reasons_never_a_refused_model(string change, string reason)
    {
        await CopyTrainedModelAsync();
        var path = _directory.Combine(ExplainerArtifact.FileName);
        var artifact = ExplainerArtifact.Deserialize(File.ReadAllText(path));
        switch (change)
        {
            case "missing": File.Delete(path); break;
            case "not json": File.WriteAllText(path, "{ not json"); break;
            case "no covers": File.WriteAllText(path, File.ReadAllText(path).Replace("\"covers\":[", "\"ignored\":[")); break;
            case "another model version": Write(artifact with { ModelVersion = "other-0123456789ab" }); break;
            case "another onnx file": Write(artifact with { ModelSha256 = new string('0', 64) }); break;
            case "another schema": Write(artifact with { SchemaVersion = 2 }); break;
            case "fewer covers": Write(artifact with { Covers = artifact.Covers.Skip(1).ToArray() }); break;
        }

        var served = ModelCandidate.LoadServing(_directory.Path, Options());

        Assert.Null(served.Explainer);
        Assert.Contains(reason, served.ReasonsUnavailable);
        var p = new float[1];
        served.Scorer.Score([TestCustomers.Typical()], p);
        Assert.InRange(p[0], 0, 1);
        served.Release();

        void Write(ExplainerArtifact changed) => File.WriteAllText(path, ExplainerArtifact.Serialize(changed));
    }

    [Fact]
    public async Task Reasons_off_loads_no_explainer()
    {
        await CopyTrainedModelAsync();

        var served = ModelCandidate.LoadServing(_directory.Path, Options() with { Reasons = false });

        Assert.Null(served.Explainer);
        Assert.Contains("Churn:Model:Reasons is false", served.ReasonsUnavailable);
        served.Release();
    }

    [Fact]
    public async Task The_provider_swaps_a_model_without_an_explainer_in_and_logs_why_it_has_no_reasons()
    {
        TestModels.Write(_directory.Path, TestModels.Onnx(), TestModelCards.Card("v1"));
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger<ModelProvider>();
        using var provider = new ModelProvider(Microsoft.Extensions.Options.Options.Create(Options() with { Watch = false }),
            new ModelMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), logger);

        await provider.StartAsync(CancellationToken.None);

        using var lease = provider.Acquire();
        Assert.Equal("v1", lease.Card.Version);
        Assert.Null(lease.Explainer);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && r.Message.Contains("v1 serves without reason codes") && r.Message.Contains(ExplainerArtifact.FileName));
    }

    public void Dispose() => _directory.Dispose();

    private ModelOptions Options() => new() { Directory = _directory.Path };

    private async Task CopyTrainedModelAsync()
    {
        var source = await TrainedModel.EnsureAsync();
        foreach (var file in new[] { ModelFiles.ModelFileName, ModelFiles.CardFileName, ExplainerArtifact.FileName })
        {
            File.Copy(Path.Combine(source, file), _directory.Combine(file));
        }
    }
}
