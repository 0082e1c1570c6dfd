using Churn.Api.Extensions;
using Churn.Core.Composition;
using Churn.Core.Serving;
using Churn.Core.Storage;
using Churn.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// <c>--composition api</c>: the embedded flow inside Churn.Api composed exactly as <c>dotnet run --project
/// Churn.AppHost</c> runs it without containers — <c>AddServiceDefaults</c> (OpenTelemetry tracing, metrics and logs
/// on every Churn source, health checks) and the Api's <c>AddApplicationServices</c> (embedded transport, SQLite store,
/// the live feed's store poller, stats cache, dead-letter recorder, rate limiter, …), its appsettings.json (content
/// root Churn.Api) and its middleware, served by Kestrel on a loopback port. Two differences, as in every pipeline run: the endpoints are not mapped
/// (nothing calls them during a run) and the model directory is not watched (<see cref="PipelineHosts.Settings"/>). With <c>--exporter otlp</c> every span, metric and log is exported over OTLP/HTTP as the AppHost
/// configures it (its queue of 65,536 spans, exported every second) to <see cref="OtlpSink"/>; without, the SDK records
/// spans for nobody (the cost of instrumentation alone).
/// </summary>
public sealed class ApiFlow(WebApplication app, OtlpSink? sink) : IPipelineFlow
{
    public static ApiFlow Create(PipelineRunOptions run, LatencyRecorder recorder)
    {
        var sink = run.Exporter == PipelineRunOptions.OtlpExporter ? new OtlpSink() : null;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [], ApplicationName = "Churn.Api", EnvironmentName = Environments.Production,
            ContentRootPath = Path.Combine(RepositoryPaths.Root, "Churn.Api"),
        });
        var settings = PipelineHosts.Settings(run)
            .Append(new(PipelinePorts.TransportKey, "embedded"))
            .Append(new(PipelinePorts.StoreKey, "sqlite"))
            .Append(new("Churn:Ingest:TrickleRate", "0"));
        if (sink is not null)
        {
            settings = settings
                .Append(new("OTEL_EXPORTER_OTLP_ENDPOINT", sink.Endpoint))
                .Append(new("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"))
                .Append(new("OTEL_SERVICE_NAME", "api"))
                .Append(new("OTEL_BSP_MAX_QUEUE_SIZE", "65536"))
                .Append(new("OTEL_BSP_SCHEDULE_DELAY", "1000"));
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.AddApplicationServices();
        builder.Services.RecordLatency(recorder);
        var app = builder.Build();
        app.UseApiMiddleware();
        return new ApiFlow(app, sink);
    }

    public string Transport => PipelineRunOptions.Embedded;
    public string Route => $"Churn.Api's composition (embedded log -> scoring worker), telemetry on, exporter {(sink is null ? "none" : "OTLP")}";
    public IServiceProvider Publisher => app.Services;
    public IReadOnlyList<IServiceProvider> ScoringHosts => [app.Services];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken);
        await app.Services.GetRequiredService<IModelSource>().WaitForModelAsync(cancellationToken);
        await app.Services.GetRequiredService<IPredictionStore>().InitializeAsync(cancellationToken);
    }

    public KafkaRunFacts? Facts() => null;

    public Task StopAsync() => app.StopAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        if (sink is not null)
        {
            await sink.DisposeAsync();
        }
    }
}
