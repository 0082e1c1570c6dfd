using System.Diagnostics;

namespace Churn.Core.DeadLetters;

/// <summary>The dead-letter recorder's ActivitySource and the name of its Meter.</summary>
public static class DeadLetterTelemetry
{
    public const string Name = "Churn.DeadLetters";

    public static readonly ActivitySource Source = new(Name);
}
