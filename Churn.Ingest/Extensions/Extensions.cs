using Churn.Core.Composition;
using Churn.Core.Ingest;
using Churn.Kafka;

namespace Churn.Ingest.Extensions;

public static class Extensions
{
    /// <summary>Short command-line switches for the <c>Churn:Ingest</c> options.</summary>
    public static readonly Dictionary<string, string> Switches = new()
    {
        ["--mode"] = $"{IngestOptions.SectionName}:{nameof(IngestOptions.Mode)}",
        ["--file"] = $"{IngestOptions.SectionName}:{nameof(IngestOptions.File)}",
        ["--rate"] = $"{IngestOptions.SectionName}:{nameof(IngestOptions.Rate)}",
        ["--repeat"] = $"{IngestOptions.SectionName}:{nameof(IngestOptions.Repeat)}",
        ["--synthetic-count"] = $"{IngestOptions.SectionName}:{nameof(IngestOptions.SyntheticCount)}",
        ["--seed"] = $"{IngestOptions.SectionName}:{nameof(IngestOptions.Seed)}",
        ["--model-dir"] = $"{IngestOptions.SectionName}:{nameof(IngestOptions.ModelDirectory)}",
    };

    /// <summary>
    /// The ingest job as its own process: replays a CSV file (default) or generates synthetic customers into Kafka
    /// (<see cref="PipelinePorts"/>), then stops (a synthetic run with no count runs until stopped).
    /// </summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args, Switches);
        var ports = builder.AddPipelinePorts();
        switch (ports.Transport)
        {
            case TransportKind.Kafka:
                builder.AddKafkaProducer(PipelinePorts.KafkaConnectionName);
                builder.AddKafkaTopics();
                break;
            case TransportKind.Embedded:
                throw new InvalidOperationException(
                    $"Churn.Ingest runs in its own process, so it needs Kafka ({ports.TransportReason}): set " +
                    $"{PipelinePorts.TransportKey}=kafka and ConnectionStrings:{PipelinePorts.KafkaConnectionName}. " +
                    "The embedded transport runs inside Churn.Api.");
        }
        builder.AddIngestPublishing();
        builder.AddIngestService();
        return builder;
    }

    /// <summary>The ingest run of this process, taken before the host runs (Run disposes the container).</summary>
    public static IngestService IngestJob(this IHost app) => app.Services.GetRequiredService<IngestService>();

    /// <summary>
    /// The process exit code: 1 when the ingest run failed (e.g. the file is missing) or some events were never
    /// delivered, so the AppHost's WaitForCompletion does not take a partial replay for success; else 0.
    /// </summary>
    public static int ExitCode(this IngestService job) => job is { Failure: null, LastRun: null or { DeliveryFailures: 0 } } ? 0 : 1;
}
