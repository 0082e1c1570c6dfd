using Churn.Core.Challenger;
using Churn.Core.Ingest;
using Churn.Core.Tests.Shadow;
using Churn.Core.Serving;
using Churn.Core.Storage.Sqlite;
using Churn.Core.Transport.Embedded;
using Churn.Core.Transport;
using Churn.Core.Worker;
using Churn.Testing.Faults;
using Churn.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Churn.Core.Tests.EndToEnd;

/// <summary>
/// The embedded pipeline's real parts (in-process log, SQLite file, model provider over a copy of the Trainer's model,
/// ingest publisher, scoring workers) wired by hand so a test can crash a worker or swap the model mid-stream. The
/// challenger slot (<see cref="ChallengerDirectory"/>) is empty unless a test puts a model there before starting, so the
/// shadow scorer beside the workers scores nothing.
/// </summary>
internal sealed class EmbeddedPipelineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly List<(ScoringWorker Worker, CrashableConsumer Consumer)> _workers = [];
    private readonly EmbeddedEventPublisher _publisher;
    private readonly TempDirectory _directory = new();

    public EmbeddedPipelineHarness(string trainedModelDirectory, EmbeddedTransportOptions? transport = null)
    {
        foreach (var file in new[] { ModelFiles.ModelFileName, ModelFiles.CardFileName, Churn.Core.Reasons.ExplainerArtifact.FileName })
        {
            File.Copy(Path.Combine(trainedModelDirectory, file), Path.Combine(ModelDirectory, file));
        }
        var meters = _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        Metrics = new ScoringMetrics(meters, Status);
        Probe = new PipelineProbe(Metrics);
        Log = new EmbeddedEventLog(transport ?? new EmbeddedTransportOptions());
        _publisher = Log.CreatePublisher();
        Store = new SqlitePredictionStore(new SqliteStoreOptions { Path = _directory.Combine("churn.db") });
        Models = new ModelProvider(Options.Create(new ModelOptions { Directory = ModelDirectory, Watch = false }),
            new ModelMetrics(meters), NullLogger<ModelProvider>.Instance);
        Ingest = new IngestPublisher(_publisher, Topics, new IngestMetrics(meters), TimeProvider.System,
            NullLogger<IngestPublisher>.Instance);
        ChallengerMetrics = new ChallengerMetrics(meters);
        Challenger = new ChallengerProvider(Options.Create(new ChallengerOptions { Directory = ChallengerDirectory }),
            Options.Create(new ModelOptions { Directory = ModelDirectory, Watch = false }), ChallengerMetrics,
            NullLogger<ChallengerProvider>.Instance);
        Shadow = new ShadowScorer(Challenger, Store, Options.Create(new ChallengerOptions { RetryDelay = TimeSpan.FromMilliseconds(5) }),
            ChallengerMetrics, TimeProvider.System, NullLogger<ShadowScorer>.Instance);
        ShadowProbe = new ShadowProbe(ChallengerMetrics);
    }

    public string ModelDirectory => Directory.CreateDirectory(_directory.Combine("model")).FullName;
    public static IOptions<PipelineTopicsOptions> Topics { get; } = Options.Create(new PipelineTopicsOptions());
    public EmbeddedEventLog Log { get; }
    public SqlitePredictionStore Store { get; }
    public ModelProvider Models { get; }
    public ScoringMetrics Metrics { get; }
    public ScoringWorkerStatus Status { get; } = new(TimeProvider.System);
    public PipelineProbe Probe { get; }
    public IngestPublisher Ingest { get; }
    public string ChallengerDirectory => _directory.Combine("model", ChallengerOptions.DefaultSlotName);
    public ChallengerMetrics ChallengerMetrics { get; }
    public ChallengerProvider Challenger { get; }
    public ShadowScorer Shadow { get; }
    public ShadowProbe ShadowProbe { get; }

    public async Task StartAsync()
    {
        await Models.StartAsync(CancellationToken.None);
        await Challenger.StartAsync(CancellationToken.None);
        await Shadow.StartAsync(CancellationToken.None);
    }

    /// <summary>Publishes every item and waits until the log has confirmed them all.</summary>
    public void Publish(IEnumerable<IngestItem> items)
    {
        foreach (var item in items)
        {
            Ingest.Publish(item);
        }
        Assert.Equal(0, _publisher.Flush(TimeSpan.FromSeconds(30)));
    }

    /// <summary>Starts a scoring worker as a new member of the scoring group.</summary>
    public async Task<(ScoringWorker Worker, CrashableConsumer Consumer)> StartWorkerAsync(int maxBatchSize = 500)
    {
        var consumer = new CrashableConsumer(Log.CreateConsumer(ScoringWorkerOptions.ConsumerGroup));
        var options = Options.Create(new ScoringWorkerOptions
        {
            MaxBatchSize = maxBatchSize, RetryInitialDelay = TimeSpan.FromMilliseconds(5),
        });
        var processor = new BatchProcessor(Models, Store, _publisher, Topics, Metrics, Status, options, TimeProvider.System,
            NullLogger<BatchProcessor>.Instance, Shadow);
        var worker = new ScoringWorker(consumer, processor, Models, options, Topics, Status, Metrics, NullLogger<ScoringWorker>.Instance);
        _workers.Add((worker, consumer));
        await worker.StartAsync(CancellationToken.None);
        return (worker, consumer);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (worker, consumer) in _workers)
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
            consumer.Dispose();
        }
        await Shadow.StopAsync(CancellationToken.None);
        Shadow.Dispose();
        ShadowProbe.Dispose();
        Challenger.Dispose();
        Probe.Dispose();
        Models.Dispose();
        _publisher.Dispose();
        Log.Dispose();
        Store.Dispose();
        await _services.DisposeAsync();
        _directory.Dispose();
    }
}
