using Churn.Benchmarks.Setup;

namespace Churn.Benchmarks.Pipeline;

/// <summary>
/// The <c>pipeline</c> command's options (docs/performance.md §4, §8, §11 and §13). <see cref="Challenger"/>: the
/// challenger slot to score in shadow (<c>--challenger &lt;dir&gt;</c>), or null (<c>none</c>, the default: no
/// challenger). <see cref="Reasons"/>: <c>--reasons on</c> (the default) or <c>off</c> (<c>Churn:Model:Reasons</c>).
/// <see cref="MemoryEvery"/>: <c>--memory-every &lt;seconds&gt;</c> samples the memory curve (<see cref="MemorySampler"/>; off by
/// default), summarised after <see cref="WarmUp"/> (<c>--warm-up &lt;seconds&gt;</c>, 60).
/// </summary>
public sealed record PipelineRunOptions(
    int Events,
    double Rate,
    string Database,
    string Json,
    string ModelDirectory,
    int Batch,
    int IntraOpThreads,
    int ParallelRuns,
    string Transport,
    int Workers,
    int FetchWaitMs,
    string Composition,
    string Exporter,
    string? Challenger,
    bool Reasons,
    TimeSpan MemoryEvery,
    TimeSpan WarmUp)
{
    public const string Embedded = "embedded";
    public const string Kafka = "kafka";
    /// <summary><c>--composition worker</c> (default): only the pipeline's registrations. <c>api</c>: Churn.Api's whole composition (<see cref="ApiFlow"/>).</summary>
    public const string WorkerComposition = "worker";
    public const string ApiComposition = "api";
    public const string NoExporter = "none";
    public const string OtlpExporter = "otlp";

    public static PipelineRunOptions Parse(IReadOnlyList<string> args)
    {
        var options = LoadOptions.Parse(args);
        var transport = options.String("--transport", Embedded);
        if (transport is not (Embedded or Kafka))
        {
            throw new ArgumentException($"--transport must be {Embedded} or {Kafka}, not '{transport}'");
        }
        var workers = options.Int("--workers", 1);
        if (workers < 1 || (transport == Embedded && workers != 1))
        {
            throw new ArgumentException(transport == Embedded
                ? "--workers applies to --transport kafka (the embedded flow has one scoring worker)"
                : "--workers must be at least 1");
        }
        var fetchWait = options.Int("--fetch-wait-ms", 0);
        if (fetchWait > 0 && transport != Kafka)
        {
            throw new ArgumentException("--fetch-wait-ms applies to --transport kafka");
        }
        var composition = options.String("--composition", WorkerComposition);
        if (composition is not (WorkerComposition or ApiComposition) || (composition == ApiComposition && transport != Embedded))
        {
            throw new ArgumentException($"--composition is {WorkerComposition} or {ApiComposition} (the Api's composition runs the embedded transport)");
        }
        var exporter = options.String("--exporter", NoExporter);
        if (exporter is not (NoExporter or OtlpExporter) || (exporter == OtlpExporter && composition != ApiComposition))
        {
            throw new ArgumentException($"--exporter is {NoExporter} or {OtlpExporter}, and applies to --composition {ApiComposition}");
        }
        var challenger = options.String("--challenger", "none");
        var reasons = options.String("--reasons", "on");
        if (reasons is not ("on" or "off"))
        {
            throw new ArgumentException($"--reasons must be on or off, not '{reasons}'");
        }
        return new PipelineRunOptions(
            options.Int("--events", 100_000),
            options.Double("--rate", 0),
            Path.GetFullPath(options.Required("--db")),
            Path.GetFullPath(options.Required("--json")),
            Path.GetFullPath(options.String("--model", BenchModel.ModelDirectory)),
            options.Int("--batch", 0),
            options.Int("--intra", 0),
            options.Int("--runs", 0),
            transport,
            workers,
            fetchWait,
            composition,
            exporter,
            challenger == "none" ? null : Path.GetFullPath(challenger),
            reasons == "on",
            TimeSpan.FromSeconds(options.Double("--memory-every", 0)),
            TimeSpan.FromSeconds(options.Double("--warm-up", 60)));
    }

    /// <summary>Long enough for the run at its rate (or at 5,000 events/s unpaced), plus a minute for start-up.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(60 + (Rate > 0 ? 2 * Events / Rate : Events / 5_000.0));
}
