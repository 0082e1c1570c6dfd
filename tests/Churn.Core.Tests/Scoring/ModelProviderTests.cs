using Churn.Core.Serving;
using Churn.Core.Tests.Doubles;
using Churn.Domain.Models;
using Churn.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Churn.Core.Tests.Scoring;

public sealed class ModelProviderTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public async Task A_broken_model_file_is_refused_and_the_serving_model_keeps_scoring()
    {
        TestModels.Write(_directory.Path, TestModels.Onnx(), TestModelCards.Card("v1"));
        using var provider = Provider();
        await provider.StartAsync(CancellationToken.None);

        TestModels.Write(_directory.Path, "truncated garbage"u8.ToArray(), TestModelCards.Card("v2"));
        var result = await provider.ReloadAsync(CancellationToken.None);

        Assert.Equal(ModelSwapOutcome.Rejected, result.Outcome);
        Assert.Contains("cannot load", result.Reason);
        Assert.Equal("v1", result.ServingVersion);
        using var lease = provider.Acquire();
        Assert.Equal("v1", lease.Card.Version);
        var customer = TestCustomers.Typical(serviceCalls: 4);
        var p = new float[1];
        lease.Scorer.Score([customer], p);
        Assert.Equal(TestModels.Expected(customer), p[0], 1e-5);
    }

    [Fact]
    public async Task A_model_file_that_cannot_be_opened_is_refused_with_the_reason_while_the_serving_model_keeps_scoring()
    {
        TestModels.Write(_directory.Path, TestModels.Onnx(), TestModelCards.Card("v1"));
        using var provider = Provider();
        await provider.StartAsync(CancellationToken.None);

        // An access error, not an IOException: the runtime refuses to open a directory as a file (tests run as root,
        // so permission bits would not stop them).
        TestModels.Write(_directory.Path, TestModels.Onnx(), TestModelCards.Card("v2"));
        File.Delete(ModelFiles.ModelPath(_directory.Path));
        Directory.CreateDirectory(ModelFiles.ModelPath(_directory.Path));
        var result = await provider.ReloadAsync(CancellationToken.None);

        Assert.Equal(ModelSwapOutcome.Rejected, result.Outcome);
        Assert.Equal($"{ModelFiles.ModelPath(_directory.Path)} cannot be read: it is a directory, not a file", result.Reason);
        Assert.Equal("v1", result.ServingVersion);
        using var lease = provider.Acquire();
        Assert.Equal("v1", lease.Card.Version);
    }

    [Fact]
    public async Task A_card_that_cannot_be_opened_is_refused_with_the_reason()
    {
        TestModels.Write(_directory.Path, TestModels.Onnx(), TestModelCards.Card("v1"));
        using var provider = Provider();
        await provider.StartAsync(CancellationToken.None);

        File.Delete(ModelFiles.CardPath(_directory.Path));
        Directory.CreateDirectory(ModelFiles.CardPath(_directory.Path));
        var result = await provider.ReloadAsync(CancellationToken.None);

        Assert.Equal(ModelSwapOutcome.Rejected, result.Outcome);
        Assert.Equal($"{ModelFiles.CardPath(_directory.Path)} cannot be read: it is a directory, not a file", result.Reason);
        Assert.Equal("v1", provider.Current!.Card.Version);
    }

    [Fact]
    public async Task Start_up_with_an_unopenable_model_file_serves_nothing_instead_of_crashing_and_serves_the_model_once_it_is_fixed()
    {
        TestModels.Write(_directory.Path, TestModels.Onnx(), TestModelCards.Card("v1"));
        File.Delete(ModelFiles.ModelPath(_directory.Path));
        Directory.CreateDirectory(ModelFiles.ModelPath(_directory.Path));
        using var provider = Provider();

        await provider.StartAsync(CancellationToken.None);

        Assert.Null(provider.Current);
        Directory.Delete(ModelFiles.ModelPath(_directory.Path));
        TestModels.Write(_directory.Path, TestModels.Onnx(), TestModelCards.Card("v1"));
        Assert.Equal(ModelSwapOutcome.Swapped, (await provider.ReloadAsync(CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_model_with_the_wrong_input_shape_is_refused_with_the_reason()
    {
        TestModels.Write(_directory.Path, TestModels.Onnx(), TestModelCards.Card("v1"));
        using var provider = Provider();
        await provider.StartAsync(CancellationToken.None);

        TestModels.Write(_directory.Path, OnnxGraphWriter.Logistic([.. TestModels.Weights, 1f], 0), TestModelCards.Card("v2"));
        var result = await provider.ReloadAsync(CancellationToken.None);

        Assert.Equal(ModelSwapOutcome.Rejected, result.Outcome);
        Assert.Contains($"expected [-1, {Churn.Domain.Features.ChurnFeatures.Count}]", result.Reason);
        Assert.Equal("v1", provider.Current!.Card.Version);
    }

    [Fact]
    public async Task A_valid_new_model_is_swapped_in_for_the_next_batch_while_a_running_batch_keeps_its_snapshot()
    {
        TestModels.Write(_directory.Path, TestModels.Onnx(), TestModelCards.Card("v1"));
        using var provider = Provider();
        await provider.StartAsync(CancellationToken.None);
        var customer = TestCustomers.Typical(serviceCalls: 3);
        using var running = provider.Acquire();

        TestModels.Write(_directory.Path, TestModels.Onnx(bias: -3f), TestModelCards.Card("v2"));
        var result = await provider.ReloadAsync(CancellationToken.None);

        Assert.Equal(ModelSwapOutcome.Swapped, result.Outcome);
        var p = new float[1];
        running.Scorer.Score([customer], p); // the old snapshot still works: it is not disposed under its lease
        Assert.Equal(TestModels.Expected(customer), p[0], 1e-5);
        using var next = provider.Acquire();
        Assert.Equal("v2", next.Card.Version);
        next.Scorer.Score([customer], p);
        Assert.Equal(TestModels.Expected(customer, bias: -3f), p[0], 1e-5);
    }

    [Fact]
    public async Task Reloading_the_same_version_changes_nothing()
    {
        TestModels.Write(_directory.Path, TestModels.Onnx(), TestModelCards.Card("v1"));
        using var provider = Provider();
        await provider.StartAsync(CancellationToken.None);
        var serving = provider.Current;

        var result = await provider.ReloadAsync(CancellationToken.None);

        Assert.Equal(ModelSwapOutcome.Unchanged, result.Outcome);
        Assert.Same(serving, provider.Current);
    }

    [Fact]
    public async Task Without_a_model_the_provider_waits_and_serves_the_first_valid_one_the_directory_receives()
    {
        using var provider = Provider(watch: true);
        await provider.StartAsync(CancellationToken.None);
        Assert.Null(provider.Current);
        Assert.Throws<InvalidOperationException>(() => provider.Acquire());

        TestModels.Write(_directory.Path, TestModels.Onnx(), TestModelCards.Card("v7"));
        await provider.WaitForModelAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

        Assert.Equal("v7", provider.Current!.Card.Version);
    }

    public void Dispose()
    {
        _services.Dispose();
        _directory.Dispose();
    }

    private ModelProvider Provider(bool watch = false) => new(
        Options.Create(new ModelOptions
        {
            Directory = _directory.Path, Watch = watch, ReloadDebounce = TimeSpan.FromMilliseconds(50),
        }),
        new ModelMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
        NullLogger<ModelProvider>.Instance);
}
