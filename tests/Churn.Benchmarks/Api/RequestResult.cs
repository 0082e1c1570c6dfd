namespace Churn.Benchmarks.Api;

/// <summary>
/// One request of a load run. <see cref="LatencyMs"/> runs from the SCHEDULED start in an open-loop run (so a late
/// send or a queue in the server is counted, not hidden) and from the send in a closed-loop run. Status 0: no response
/// (timeout or connection error). <see cref="LatenessMs"/>: how late the client sent it (open loop only).
/// </summary>
public readonly record struct RequestResult(string Kind, int Status, double LatencyMs, double LatenessMs)
{
    public bool Ok => Status is >= 200 and < 300;
}

/// <summary>What a scenario sends: a kind (for the per-kind breakdown) and a fresh request.</summary>
public delegate (string Kind, HttpRequestMessage Request) RequestFactory();
