using Churn.Core.Serving;
using Churn.Core.Storage.Sqlite;
using Churn.Core.Transport;
using Churn.Core.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Churn.Testing.Faults;

/// <summary>
/// The pipeline's real parts for the fault suite — the transport of the leg, the SQLite store behind
/// <see cref="FaultyStore"/>, the model provider over a copy of the Trainer's model, scoring workers in one group —
/// wired by hand so faults can be injected between and during batches: workers crashed without commit, started,
/// stopped; models swapped.
/// </summary>
public sealed class FaultRig : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly TempDirectory _directory = TempDirectory.WithPrefix("churn-faults-");
    private readonly SqlitePredictionStore _sqlite;
    private readonly List<Member> _members = [];
    private readonly ITestTransport _transport;

    private FaultRig(ITestTransport transport, string trainedModel)
    {
        _transport = transport;
        foreach (var file in new[] { ModelFiles.ModelFileName, ModelFiles.CardFileName, Churn.Core.Reasons.ExplainerArtifact.FileName })
        {
            File.Copy(Path.Combine(trainedModel, file), Path.Combine(ModelDirectory, file));
        }
        _sqlite = new SqlitePredictionStore(new SqliteStoreOptions { Path = _directory.Combine("churn.db") });
        Store = new FaultyStore(_sqlite, TimeProvider.System);
        Models = new ModelProvider(Options.Create(new ModelOptions { Directory = ModelDirectory, Watch = false }),
            new ModelMetrics(Meters), NullLogger<ModelProvider>.Instance);
        Publisher = transport.CreatePublisher();
    }

    public string ModelDirectory => Directory.CreateDirectory(_directory.Combine("model")).FullName;
    public FaultyStore Store { get; }

    /// <summary>The real store behind the faults: what the test reads to check the outcome.</summary>
    public SqlitePredictionStore Truth => _sqlite;
    public ModelProvider Models { get; }
    public IEventPublisher Publisher { get; }
    public PipelineTopicsOptions Topics => _transport.Topics;
    public IReadOnlyList<Member> Running => [.. _members.Where(m => m.State == MemberState.Running)];
    private System.Diagnostics.Metrics.IMeterFactory Meters => _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();

    public static async Task<FaultRig> StartAsync(ITestTransport transport)
    {
        var rig = new FaultRig(transport, await TrainedModel.EnsureAsync());
        await rig.Models.StartAsync(CancellationToken.None);
        return rig;
    }

    /// <summary>A new member of the scoring group, as a new process would start one.</summary>
    public async Task<Member> StartWorkerAsync()
    {
        var status = new ScoringWorkerStatus(TimeProvider.System);
        var metrics = new ScoringMetrics(Meters, status);
        var options = Options.Create(new ScoringWorkerOptions
        {
            MaxBatchSize = 64,
            RetryInitialDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(200),
            StoreTimeout = TimeSpan.FromSeconds(10),
        });
        var topics = Options.Create(Topics);
        var consumer = new CrashableConsumer(_transport.CreateConsumer(ScoringWorkerOptions.ConsumerGroup));
        var processor = new BatchProcessor(Models, Store, Publisher, topics, metrics, status, options, TimeProvider.System,
            NullLogger<BatchProcessor>.Instance);
        var worker = new ScoringWorker(consumer, processor, Models, options, topics, status, metrics, NullLogger<ScoringWorker>.Instance);
        var member = new Member(worker, consumer, status);
        _members.Add(member);
        await worker.StartAsync(CancellationToken.None);
        return member;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var member in _members)
        {
            await member.Worker.StopAsync(CancellationToken.None);
            member.Worker.Dispose();
            member.Consumer.Dispose();
        }
        Models.Dispose();
        Publisher.Dispose();
        _transport.Dispose();
        _sqlite.Dispose();
        await _services.DisposeAsync();
        _directory.Dispose();
    }

    public enum MemberState { Running, Crashed, Stopped }

    /// <summary>One scoring worker and what happened to it.</summary>
    public sealed class Member(ScoringWorker worker, CrashableConsumer consumer, ScoringWorkerStatus status)
    {
        public ScoringWorker Worker { get; } = worker;
        public CrashableConsumer Consumer { get; } = consumer;
        public ScoringWorkerStatus Status { get; } = status;
        public MemberState State { get; private set; }

        /// <summary>Dies at its next read, as a killed process: no Close, nothing more committed.</summary>
        public void Crash()
        {
            State = MemberState.Crashed;
            Consumer.CrashAtNextConsume();
        }

        /// <summary>Stops cleanly: finishes its batch, closes (commits and leaves the group).</summary>
        public async Task StopAsync()
        {
            State = MemberState.Stopped;
            await Worker.StopAsync(CancellationToken.None);
        }
    }
}
