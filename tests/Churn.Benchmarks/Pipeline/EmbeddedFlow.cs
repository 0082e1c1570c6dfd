using Churn.Core.Challenger;
using Churn.Core.Composition;
using Churn.Core.Serving;
using Churn.Core.Storage;
using Churn.Core.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// One host composed as Churn.Api composes it with <c>Churn:Transport=embedded</c> and <c>Churn:Store=sqlite</c>:
/// <c>AddInProcessPipeline</c> (embedded log, scoring worker, ingest), <c>AddSqlitePredictionStore</c>,
/// <c>AddChurnModel</c>, <c>AddChallengerModel</c> + <c>AddShadowScoring</c> (off unless <c>--challenger</c>). Ingest's own
/// service is configured off; the command drives the <c>IngestRunner</c>.
/// </summary>
public sealed class EmbeddedFlow(IHost host) : IPipelineFlow
{
    public static EmbeddedFlow Create(PipelineRunOptions run, LatencyRecorder recorder)
    {
        var builder = PipelineHosts.CreateBuilder("Churn.Benchmarks", run);
        builder.AddInProcessPipeline();
        builder.AddSqlitePredictionStore();
        builder.AddChurnModel();
        builder.AddChallengerModel();
        builder.AddShadowScoring();
        builder.Services.RecordLatency(recorder);
        return new EmbeddedFlow(builder.Build());
    }

    public string Transport => PipelineRunOptions.Embedded;
    public string Route => "embedded log -> scoring worker";
    public IServiceProvider Publisher => host.Services;
    public IReadOnlyList<IServiceProvider> ScoringHosts => [host.Services];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await host.StartAsync(cancellationToken);
        await host.Services.GetRequiredService<IModelSource>().WaitForModelAsync(cancellationToken);
        await host.Services.GetRequiredService<IPredictionStore>().InitializeAsync(cancellationToken);
    }

    public KafkaRunFacts? Facts() => null;

    public Task StopAsync() => host.StopAsync(CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        host.Dispose();
        return ValueTask.CompletedTask;
    }
}
