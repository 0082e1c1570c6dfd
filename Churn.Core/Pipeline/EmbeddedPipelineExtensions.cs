using Churn.Core.Ingest;
using Churn.Core.Scoring;
using Churn.Core.Storage.Sqlite;
using Churn.Core.Transport.Embedded;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Churn.Core.Pipeline;

public static class EmbeddedPipelineExtensions
{
    /// <summary>The consumer group of the embedded scoring worker.</summary>
    public const string ScoringGroup = "churn-scoring";

    /// <summary>
    /// The whole pipeline in one process with zero infrastructure: the in-process event log (options
    /// <c>Churn:Transport:Embedded</c>), the SQLite store (<c>Churn:Sqlite</c>), the serving model with hot swap
    /// (<c>Churn:Model</c>), the scoring worker (<c>Churn:Scoring</c>) and ingest (<c>Churn:Ingest</c>; by default it
    /// replays the test file once at start and keeps the host running). The same classes as the distributed hosts;
    /// only the transport and store registrations differ.
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddedPipeline(this IHostApplicationBuilder builder)
    {
        builder.AddEmbeddedTransport(ScoringGroup);
        if (!builder.Services.Any(d => d.ServiceType == typeof(IPredictionStore)))
        {
            builder.AddSqlitePredictionStore(); // the Api may have registered it already
        }
        builder.AddChurnScoring();
        builder.Services.PostConfigure<ScoringWorkerOptions>(o => o.MessagingSystem = EmbeddedTransportTelemetry.MessagingSystem);
        builder.AddChurnIngest();
        return builder;
    }
}
