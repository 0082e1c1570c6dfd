using Churn.Core.Onnx;
using Churn.Core.Serving;
using Churn.Core.Tests.Doubles;
using Churn.Core.Transport;
using Churn.Core.Worker;
using Churn.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Churn.Core.Tests.Scoring;

/// <summary>A <see cref="ScoringWorker"/> over port doubles, with millisecond retry delays.</summary>
internal sealed class WorkerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public WorkerHarness(IChurnScorer? scorer = null, int maxBatchSize = 500, Func<IChurnScorer, IModelSource>? models = null,
        TimeSpan? deadLetterTimeout = null)
    {
        Consumer = new FakeEventConsumer(Log);
        Store = new FakePredictionStore(Log);
        DeadLetters = new FakeEventPublisher(Log);
        Scorer = scorer ?? new OnnxChurnScorer(TestModels.Onnx(), TestModelCards.Card("v1", threshold: 0.3));
        var options = Options.Create(new ScoringWorkerOptions
        {
            MaxBatchSize = maxBatchSize,
            MaxBatchWait = TimeSpan.FromMilliseconds(20),
            RetryInitialDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(20),
            DeadLetterTimeout = deadLetterTimeout ?? TimeSpan.FromSeconds(10),
        });
        Metrics = new ScoringMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), Status);
        var source = models?.Invoke(Scorer) ?? new FixedModelSource(Scorer);
        var processor = new BatchProcessor(source, Store, DeadLetters, Topics, Metrics, Status, options, TimeProvider.System,
            NullLogger<BatchProcessor>.Instance);
        Worker = new ScoringWorker(Consumer, processor, source, options, Topics, Status, Metrics, NullLogger<ScoringWorker>.Instance);
    }

    public static IOptions<PipelineTopicsOptions> Topics { get; } = Options.Create(new PipelineTopicsOptions());
    public PipelineLog Log { get; } = new();
    public FakeEventConsumer Consumer { get; }
    public FakePredictionStore Store { get; }
    public FakeEventPublisher DeadLetters { get; }
    public IChurnScorer Scorer { get; }
    public ScoringMetrics Metrics { get; }
    public ScoringWorkerStatus Status { get; } = new(TimeProvider.System);
    public ScoringWorker Worker { get; }

    public Task StartAsync() => Worker.StartAsync(CancellationToken.None);

    public Task StopAsync() => Worker.StopAsync(CancellationToken.None);

    public void WaitForStoredOffset(int partition, long offset) =>
        Log.WaitFor(() => Consumer.StoredOffset(TestEvents.Topic, partition) == offset,
            $"offset {offset} stored for partition {partition}");

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None);
        Worker.Dispose();
        (Scorer as IDisposable)?.Dispose();
        await _services.DisposeAsync();
    }
}
