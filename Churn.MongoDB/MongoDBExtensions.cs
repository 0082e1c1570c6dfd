using Churn.Core.Composition;
using Churn.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using MongoDB.Driver.Core.Configuration;
using OpenTelemetry.Trace;

namespace Churn.MongoDB;

/// <summary>MongoDB client registration "the Aspire way" (Aspire.MongoDB.Driver is not available to us).</summary>
public static class MongoDBExtensions
{
    public const string HealthCheckName = "mongodb";

    /// <summary>
    /// Registers one <see cref="IMongoClient"/> singleton from <c>ConnectionStrings:{connectionName}</c> (or
    /// <c>Churn:MongoDB:ConnectionString</c>), an <see cref="IMongoDatabase"/> for the database the URL names (else
    /// <see cref="MongoDBClientOptions.DatabaseName"/>), a <c>{ping:1}</c> health check named <see cref="HealthCheckName"/> and the
    /// driver's trace source <c>MongoDB.Driver</c> (query text stays off). Throws when no connection string is set.
    /// </summary>
    public static IHostApplicationBuilder AddMongoDBClient(this IHostApplicationBuilder builder,
        string connectionName = "mongodb", Action<MongoDBClientOptions>? configure = null,
        Action<MongoClientSettings>? configureClientSettings = null)
    {
        var options = new MongoDBClientOptions();
        builder.Configuration.GetSection(MongoDBClientOptions.SectionName).Bind(options);
        if (builder.Configuration.GetConnectionString(connectionName) is { Length: > 0 } connectionString)
        {
            options.ConnectionString = connectionString;
        }
        configure?.Invoke(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException(
                $"A MongoDB connection string is missing. Set 'ConnectionStrings:{connectionName}' or the " +
                $"'ConnectionString' key of the '{MongoDBClientOptions.SectionName}' configuration section.");
        }
        var url = MongoUrl.Create(options.ConnectionString);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IMongoClient>(sp =>
        {
            var settings = MongoClientSettings.FromUrl(url);
            settings.TracingOptions = new TracingOptions { Disabled = options.DisableTracing, QueryTextMaxLength = 0 };
            if (sp.GetService<ILoggerFactory>() is { } loggerFactory)
            {
                settings.LoggingSettings = new LoggingSettings(loggerFactory);
            }
            configureClientSettings?.Invoke(settings);
            return new MongoClient(settings);
        });
        var databaseName = string.IsNullOrEmpty(url.DatabaseName) ? options.DatabaseName : url.DatabaseName;
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IMongoClient>().GetDatabase(databaseName));

        if (!options.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(HealthCheckName,
                sp => new MongoPingHealthCheck(sp.GetRequiredService<IMongoClient>(), options.HealthCheckTimeout),
                HealthStatus.Unhealthy, [HealthCheckTags.Ready], options.HealthCheckTimeout));
        }
        if (!options.DisableTracing)
        {
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(MongoTelemetry.ActivitySourceName));
        }
        return builder;
    }

    /// <summary>
    /// Registers the MongoDB <see cref="IPredictionStore"/> and, in the same database, the <see cref="IDeadLetterStore"/>
    /// and the <see cref="IShadowPredictionStore"/>
    /// over the <see cref="IMongoDatabase"/> that <see cref="AddMongoDBClient"/> registered (call that first).
    /// </summary>
    public static IHostApplicationBuilder AddMongoDBPredictionStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
            new MongoPredictionStore(sp.GetRequiredService<IMongoDatabase>(), sp.GetService<TimeProvider>()));
        builder.Services.AddSingleton<IPredictionStore>(sp => sp.GetRequiredService<MongoPredictionStore>());
        builder.Services.AddSingleton<IDeadLetterStore>(sp => sp.GetRequiredService<MongoPredictionStore>());
        builder.Services.AddSingleton<IShadowPredictionStore>(sp => sp.GetRequiredService<MongoPredictionStore>());
        return builder;
    }
}
