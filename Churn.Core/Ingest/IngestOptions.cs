using System.ComponentModel.DataAnnotations;

namespace Churn.Core.Ingest;

/// <summary>What the ingest service feeds into the pipeline (section <c>Churn:Ingest</c>).</summary>
public sealed record IngestOptions
{
    public const string SectionName = "Churn:Ingest";

    /// <summary>None: only single events (the API). Csv: replay <see cref="File"/>. Synthetic: generated customers.</summary>
    public IngestMode Mode { get; init; } = IngestMode.Csv;

    /// <summary>
    /// The CSV file to replay: absolute, or relative to the working directory when it exists there, else relative to
    /// <c>Churn:DataDirectory</c> (set by the AppHost; default <c>data</c>).
    /// </summary>
    public string File { get; init; } = "churn-bigml-20.csv";

    /// <summary>Events per second; 0 = as fast as the transport accepts.</summary>
    [Range(0, 10_000_000)]
    public double Rate { get; init; }

    /// <summary>
    /// After a finite run, keep publishing synthetic customers at this many events per second until the host stops
    /// (0 = stop after the run). Each start draws new customers (the seed is the start time), so their event ids are new.
    /// </summary>
    [Range(0, 10_000)]
    public double TrickleRate { get; init; }

    /// <summary>CSV passes over the file.</summary>
    [Range(1, 1_000_000)]
    public int Repeat { get; init; } = 1;

    /// <summary>Synthetic events to generate; 0 = run until stopped.</summary>
    [Range(0, long.MaxValue)]
    public long SyntheticCount { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>Distinct synthetic customer ids (customers come back).</summary>
    [Range(1, int.MaxValue)]
    public int CustomerPool { get; init; } = 10_000;

    /// <summary>
    /// Where the model card (training statistics for synthetic customers) is read from; default
    /// <c>Churn:Model:Directory</c> (the serving model's directory), else <c>artifacts/model</c>.
    /// </summary>
    public string? ModelDirectory { get; init; }

    /// <summary>Stop the host when a finite run is done (true in the Ingest host, a one-shot job; false when embedded).</summary>
    public bool StopHostWhenDone { get; init; }

    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
