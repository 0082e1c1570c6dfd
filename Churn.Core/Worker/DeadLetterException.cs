namespace Churn.Core.Worker;

/// <summary>The dead-letter topic did not confirm a delivery: an infrastructure failure, retried by the worker.</summary>
public sealed class DeadLetterException(string message) : Exception(message);
