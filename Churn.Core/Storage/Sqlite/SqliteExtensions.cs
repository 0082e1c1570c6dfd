using Churn.Core.Composition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace Churn.Core.Storage.Sqlite;

public static class SqliteExtensions
{
    public const string HealthCheckName = "sqlite";

    /// <summary>
    /// Registers the embedded SQLite <see cref="IPredictionStore"/> (options section <c>Churn:Sqlite</c>; the file is
    /// resolved against the content root) and, over the same file, the <see cref="IDeadLetterStore"/> and the challenger's
    /// <see cref="IShadowPredictionStore"/>; its health
    /// check <see cref="HealthCheckName"/> and its trace source.
    /// </summary>
    public static IHostApplicationBuilder AddSqlitePredictionStore(
        this IHostApplicationBuilder builder, Action<SqliteStoreOptions>? configure = null)
    {
        var options = builder.Services.AddOptions<SqliteStoreOptions>()
            .BindConfiguration(SqliteStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;
            var resolved = configured with { Path = Path.GetFullPath(configured.Path, contentRoot) };
            return new SqlitePredictionStore(resolved, sp.GetService<TimeProvider>());
        });
        builder.Services.AddSingleton<IPredictionStore>(sp => sp.GetRequiredService<SqlitePredictionStore>());
        builder.Services.AddSingleton<IDeadLetterStore>(sp => sp.GetRequiredService<SqlitePredictionStore>());
        builder.Services.AddSingleton<IShadowPredictionStore>(sp => sp.GetRequiredService<SqlitePredictionStore>());
        builder.Services.AddHealthChecks()
            .AddCheck<SqliteStoreHealthCheck>(HealthCheckName, tags: [HealthCheckTags.Ready]);
        builder.Services.ConfigureOpenTelemetryTracerProvider(
            tracing => tracing.AddSource(SqliteTelemetry.Name));
        return builder;
    }
}
