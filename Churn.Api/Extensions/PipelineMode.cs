using Churn.Api.Serving;
using Churn.Core.Ingest;
using Churn.Core.Storage.Mongo;
using Churn.Core.Transport.Kafka;

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
            ? (PipelineModeKind.Embedded, "no ConnectionStrings:kafka is configured, so ingest and scoring run in this process " +
                "(in-process transport, SQLite store)")
            : (PipelineModeKind.Distributed, "ConnectionStrings:kafka is configured: customers go to Kafka, the Scoring " +
                "service writes predictions to MongoDB (ConnectionStrings:mongodb), this process reads them");

    /// <summary>
    /// Embedded: the whole pipeline (<see cref="EmbeddedPipelineExtensions.AddEmbeddedPipeline"/>: transport, SQLite
    /// store, model with hot swap, scoring worker, ingest service). Distributed: a Kafka producer for the customers this
    /// Api publishes, the MongoDB store, and the model for what-if scoring; no worker. Either way the endpoints use the
    /// same <see cref="ModelProvider"/> and <see cref="CustomerIngest"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPipeline(this IHostApplicationBuilder builder)
    {
        var (mode, reason) = Resolve(builder.Configuration);
        builder.Services.AddSingleton(new PipelineModeChoice(mode, reason));
        switch (mode)
        {
            case PipelineModeKind.Embedded:
                builder.AddEmbeddedPipeline();
                break;
            case PipelineModeKind.Distributed:
                builder.AddKafkaProducer("kafka");
                builder.AddMongoPredictionStore("mongodb");
                builder.AddChurnModel();
                builder.AddChurnIngestPublisher();
                break;
        }
        builder.Services.AddSingleton<CustomerIngest>();
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
