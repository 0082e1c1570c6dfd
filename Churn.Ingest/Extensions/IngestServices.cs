using Churn.Core.Ingest;
using Churn.Core.Transport.Kafka;

namespace Churn.Ingest.Extensions;

public static class IngestServices
{
    /// <summary>Short command-line switches for the <c>Churn:Ingest</c> options.</summary>
    public static readonly Dictionary<string, string> Switches = new()
    {
        ["--mode"] = $"{IngestOptions.Section}:{nameof(IngestOptions.Mode)}",
        ["--file"] = $"{IngestOptions.Section}:{nameof(IngestOptions.File)}",
        ["--rate"] = $"{IngestOptions.Section}:{nameof(IngestOptions.Rate)}",
        ["--repeat"] = $"{IngestOptions.Section}:{nameof(IngestOptions.Repeat)}",
        ["--synthetic-count"] = $"{IngestOptions.Section}:{nameof(IngestOptions.SyntheticCount)}",
        ["--seed"] = $"{IngestOptions.Section}:{nameof(IngestOptions.Seed)}",
        ["--model-dir"] = $"{IngestOptions.Section}:{nameof(IngestOptions.ModelDirectory)}",
    };

    /// <summary>
    /// The ingest job: replays a CSV file (default) or generates synthetic customers into Kafka
    /// (<c>ConnectionStrings:kafka</c>), then stops (a synthetic run with no count runs until stopped).
    /// </summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args, Switches);
        builder.AddKafkaProducer("kafka");
        builder.AddChurnIngest();
        return builder;
    }

    /// <summary>
    /// The process exit code: 1 when the ingest run failed (e.g. the file is missing) or some events were never
    /// delivered, so the AppHost's WaitForCompletion does not take a partial replay for success; else 0.
    /// </summary>
    public static int IngestExitCode(this IHost app) =>
        app.Services.GetRequiredService<IngestService>() is { Failure: null, LastRun: null or { DeliveryFailures: 0 } } ? 0 : 1;
}
