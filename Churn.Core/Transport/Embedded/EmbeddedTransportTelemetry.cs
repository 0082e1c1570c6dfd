using System.Diagnostics;

namespace Churn.Core.Transport.Embedded;

/// <summary>The embedded transport's ActivitySource and the name of its Meter: same span and metric names as Kafka's.</summary>
public static class EmbeddedTransportTelemetry
{
    public const string Name = "Churn.Transport.Embedded";
    public const string MessagingSystem = "churn.embedded";

    public static readonly ActivitySource Source = new(Name);
}
