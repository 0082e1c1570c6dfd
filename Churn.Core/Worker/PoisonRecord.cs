using Churn.Core.Transport;

namespace Churn.Core.Worker;

/// <summary>A record the worker cannot score, and why.</summary>
public sealed record PoisonRecord(ConsumedEvent Record, string Reason);
