using Churn.Core.Challenger;
using Churn.Core.Serving;
using Churn.Core.Tests.Doubles;
using Churn.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Churn.Core.Tests.Shadow;

/// <summary>
/// A model directory with its challenger slot, and providers over them as a host composes them (the serving
/// <see cref="ModelProvider"/>, the <see cref="ChallengerProvider"/>, <see cref="ChallengerPromotion"/>); more
/// "processes" watching the same directories can be added. Models are the fixture logistic graph with a named card.
/// </summary>
internal sealed class ChallengerSlot : IAsyncDisposable
{
    private readonly TempDirectory _root = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly List<IDisposable> _owned = [];

    public string ModelDirectory => _root.Combine("model");
    public string Slot => Path.Combine(ModelDirectory, ChallengerOptions.DefaultSlotName);

    public static void WriteModel(string directory, string version, float bias = TestModels.Bias, double threshold = 0.5) =>
        TestModels.Write(directory, TestModels.Onnx(bias), TestModelCards.Card(version, threshold: threshold));

    /// <summary>A host's providers over the directories (watching them when <paramref name="watch"/>), started.</summary>
    public async Task<(ModelProvider Champion, ChallengerProvider Challenger, ChallengerPromotion Promotion)> StartHostAsync(bool watch)
    {
        var meters = _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var model = new ModelOptions { Directory = ModelDirectory, Watch = watch, ReloadDebounce = TimeSpan.FromMilliseconds(50) };
        var champion = new ModelProvider(Options.Create(model), new ModelMetrics(meters), NullLogger<ModelProvider>.Instance);
        var metrics = new ChallengerMetrics(meters);
        var challenger = new ChallengerProvider(Options.Create(new ChallengerOptions { Directory = Slot }), Options.Create(model), metrics,
            NullLogger<ChallengerProvider>.Instance);
        _owned.Add(champion);
        _owned.Add(challenger);
        await champion.StartAsync(CancellationToken.None);
        await challenger.StartAsync(CancellationToken.None);
        return (champion, challenger, new ChallengerPromotion(champion, challenger, metrics, NullLogger<ChallengerPromotion>.Instance));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
        await _services.DisposeAsync();
        _root.Dispose();
    }
}
