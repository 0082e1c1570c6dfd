using Churn.Core.Scoring;
using Churn.Core.Storage.Mongo;
using Churn.Core.Transport.Kafka;

namespace Churn.Scoring.Extensions;

public static class ScoringServices
{
    /// <summary>
    /// The distributed scoring worker: consumes <c>churn.customers</c> from Kafka (<c>ConnectionStrings:kafka</c>),
    /// dead-letters to <c>churn.customers.dlq</c>, writes predictions to MongoDB (<c>ConnectionStrings:mongodb</c>).
    /// </summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKafkaConsumer("kafka");
        builder.AddKafkaProducer("kafka");
        builder.AddMongoPredictionStore("mongodb");
        builder.AddChurnScoring();
        return builder;
    }
}
