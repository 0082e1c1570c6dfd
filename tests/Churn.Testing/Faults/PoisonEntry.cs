using Churn.Core.Transport;

namespace Churn.Testing.Faults;

/// <summary>One kind of bad record, how to make one, and the reason kind its dead letter must carry.</summary>
public sealed record PoisonEntry(string Name, string ReasonKind, Func<int, EventMessage> Build);
