using Churn.Core.Challenger;
using Churn.Core.Composition;
using Churn.Core.DeadLetters;
using Churn.Core.Serving;
using Churn.Core.Storage.Sqlite;
using Churn.Core.Worker;
using Churn.Kafka;
using Churn.MongoDB;

namespace Churn.Scoring.Extensions;

public static class Extensions
{
    /// <summary>
    /// The scoring worker as its own process, per port (<see cref="PipelinePorts"/>): it consumes <c>churn.customers</c>
    /// from Kafka (and dead-letters to <c>churn.customers.dlq</c>) and writes predictions to SQLite or MongoDB; beside it
    /// the dead-letter recorder consumes <c>churn.customers.dlq</c> in its own group and writes what it reads to the same
    /// store, where the Api reads it; and the challenger in the model directory's slot, if any, is scored in shadow on
    /// every written batch (<c>AddChallengerModel</c>, <c>AddShadowScoring</c>), its predictions stored apart.
    /// </summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var ports = builder.AddPipelinePorts();
        switch (ports.Transport)
        {
            case TransportKind.Kafka:
                builder.AddKafkaConsumer(PipelinePorts.KafkaConnectionName);
                builder.AddKafkaDeadLetterConsumer(PipelinePorts.KafkaConnectionName);
                builder.AddKafkaProducer(PipelinePorts.KafkaConnectionName);
                builder.AddKafkaTopics();
                break;
            case TransportKind.Embedded:
                throw new InvalidOperationException(
                    $"Churn.Scoring runs in its own process, so it needs Kafka ({ports.TransportReason}): set " +
                    $"{PipelinePorts.TransportKey}=kafka and ConnectionStrings:{PipelinePorts.KafkaConnectionName}. " +
                    "The embedded transport runs inside Churn.Api.");
        }
        switch (ports.Store)
        {
            case StoreKind.Sqlite:
                builder.AddSqlitePredictionStore();
                break;
            case StoreKind.MongoDB:
                builder.AddMongoDBClient(PipelinePorts.MongoDBConnectionName);
                builder.AddMongoDBPredictionStore();
                break;
        }
        builder.AddChurnModel();
        builder.AddChallengerModel();
        builder.AddScoringWorker();
        builder.AddShadowScoring();
        builder.AddDeadLetterRecorder();
        return builder;
    }
}
