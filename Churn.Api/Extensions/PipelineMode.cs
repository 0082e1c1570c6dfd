using Churn.Core.Storage.Mongo;
using Churn.Core.Storage.Sqlite;

namespace Churn.Api.Extensions;

public enum PipelineModeKind
{
    /// <summary>No Kafka configured: ingest and scoring run inside this process over the in-process transport and SQLite.</summary>
    Embedded,
    /// <summary><c>ConnectionStrings:kafka</c> is set: publish to Kafka, read predictions from MongoDB.</summary>
    Distributed,
}

/// <summary>The one place that decides how the Api reaches the pipeline, and says why.</summary>
public static class PipelineMode
{
    public static (PipelineModeKind Mode, string Reason) Resolve(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString("kafka"))
            ? (PipelineModeKind.Embedded, "no ConnectionStrings:kafka is configured, so the pipeline runs in this process (in-process transport, SQLite store)")
            : (PipelineModeKind.Distributed, "ConnectionStrings:kafka is configured: customers go to Kafka, predictions are read from MongoDB");

    public static IHostApplicationBuilder AddPipeline(this IHostApplicationBuilder builder)
    {
        var (mode, reason) = Resolve(builder.Configuration);
        builder.Services.AddSingleton(new PipelineModeChoice(mode, reason));
        switch (mode)
        {
            case PipelineModeKind.Embedded:
                builder.AddSqlitePredictionStore();
                break;
            case PipelineModeKind.Distributed:
                builder.AddMongoPredictionStore();
                break;
        }
        // IServingModel (model provider) and ICustomerIngest (ingest publisher, in-process or Kafka) are registered
        // here once the scoring branch's AddEmbeddedPipeline() lands.
        return builder;
    }

    public static WebApplication LogPipelineMode(this WebApplication app)
    {
        var choice = app.Services.GetRequiredService<PipelineModeChoice>();
        app.Logger.LogInformation("Pipeline mode {Mode}: {Reason}", choice.Mode, choice.Reason);
        return app;
    }
}

public sealed record PipelineModeChoice(PipelineModeKind Mode, string Reason);
