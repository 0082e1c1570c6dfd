using System.Diagnostics;

namespace Churn.Core.Ingest;

/// <summary>The ingest component's ActivitySource and Meter (both named <see cref="Name"/>).</summary>
public static class IngestTelemetry
{
    public const string Name = "Churn.Ingest";

    public static readonly ActivitySource Source = new(Name);
}
