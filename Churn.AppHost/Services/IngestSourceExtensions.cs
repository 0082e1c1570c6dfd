using Churn.AppHost.Infrastructure;

namespace Churn.AppHost.Services;

public static class IngestSourceExtensions
{
    /// <summary>IngestOptions (section Churn:Ingest): what the service ingests at start.</summary>
    public const string ModeVariable = "Churn__Ingest__Mode";

    public const string RateVariable = "Churn__Ingest__Rate";

    /// <summary>The synthetic stream's pace in the Ingest process, the same as the Api's embedded start (its appsettings).</summary>
    public const int SyntheticRate = 50;

    /// <summary>
    /// Without the test file (<see cref="DataPreflightOutcome.Synthetic"/>) the service ingests synthetic customers, at
    /// <see cref="SyntheticRate"/> events/s (an endless stream, never as fast as it goes); otherwise it keeps its own
    /// settings (replay the test file).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIngestSource(
        this IResourceBuilder<ProjectResource> project, DataPreflightResult data) =>
        data.Outcome == DataPreflightOutcome.Synthetic
            ? project.WithEnvironment(ModeVariable, "Synthetic").WithEnvironment(RateVariable, SyntheticRate.ToString())
            : project;
}
