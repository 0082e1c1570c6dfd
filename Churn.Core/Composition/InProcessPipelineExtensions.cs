using Churn.Core.DeadLetters;
using Churn.Core.Ingest;
using Churn.Core.Transport.Embedded;
using Churn.Core.Worker;
using Microsoft.Extensions.Hosting;

namespace Churn.Core.Composition;

public static class InProcessPipelineExtensions
{
    /// <summary>
    /// What a host runs when its transport is embedded (<see cref="TransportKind.Embedded"/>): the in-process event log,
    /// the scoring worker consuming it in group <see cref="ScoringWorkerOptions.ConsumerGroup"/>, the dead-letter
    /// recorder consuming the dead-letter topic in its own group, and ingest (publishing on request, and the configured
    /// source at start). The store and the model are registered beside it, per port.
    /// </summary>
    public static IHostApplicationBuilder AddInProcessPipeline(this IHostApplicationBuilder builder)
    {
        builder.AddEmbeddedTransport(ScoringWorkerOptions.ConsumerGroup);
        builder.AddEmbeddedDeadLetterConsumer();
        builder.AddScoringWorker();
        builder.AddDeadLetterRecorder();
        builder.AddIngestPublishing();
        builder.AddIngestService();
        return builder;
    }
}
