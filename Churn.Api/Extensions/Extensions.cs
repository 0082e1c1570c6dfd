using System.Text.Json.Serialization;
using Churn.Api.Documentation;
using Churn.Api.Idempotency;
using Churn.Api.Ingest;
using Churn.Api.Limits;
using Churn.Api.Live;
using Churn.Api.Security;
using Churn.Api.Stats;
using Churn.Core.Challenger;
using Churn.Core.Composition;
using Churn.Core.Ingest;
using Churn.Core.Monitoring;
using Churn.Core.Storage.Sqlite;
using Churn.Kafka;
using Churn.MongoDB;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Churn.Api.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ChurnApiOptions>().BindConfiguration(ChurnApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // unreadable bodies → ProblemExceptionHandler (400 naming the JSON path)
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ValidationErrorKeys.CamelCase);
        services.AddValidation(); // query parameters' rules (Validation/*ValueAttribute, IValidatableObject) run before the handlers
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddApiKeyAuthentication();
        services.AddApiRateLimits();
        services.AddApiDocumentation();

        services.AddSingleton<IPredictionFeed, PredictionFeed>();
        services.AddHostedService<StorePollingFeedSource>();
        services.AddSingleton<StatsCache>();
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IdempotencyCache>();

        builder.AddPipeline();
        return builder;
    }

    /// <summary>
    /// The Api's part of the pipeline, per port (<see cref="PipelinePorts"/>). Embedded transport: ingest and the scoring
    /// worker run in this process over the in-process log. Kafka: this process only publishes the customers it receives;
    /// the Ingest and Scoring services do the rest. Either way the endpoints read the store and score what-if requests
    /// with the serving model.
    /// </summary>
    public static IHostApplicationBuilder AddPipeline(this IHostApplicationBuilder builder)
    {
        var ports = builder.AddPipelinePorts();
        switch (ports.Transport)
        {
            case TransportKind.Embedded:
                builder.AddInProcessPipeline();
                builder.AddShadowScoring(); // the worker in this process scores the challenger in shadow
                break;
            case TransportKind.Kafka:
                builder.AddKafkaProducer(PipelinePorts.KafkaConnectionName);
                builder.AddKafkaTopics();
                builder.AddIngestPublishing();
                break;
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
        builder.AddChallengerModel(); // shown and promoted here; scored in shadow wherever the worker runs
        builder.AddDriftMonitoring();
        builder.Services.AddSingleton<CustomerIngest>();
        return builder;
    }

    public static WebApplication UseApiMiddleware(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseRequestBodyLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
