using Churn.Benchmarks.Pipeline;

namespace Churn.Benchmarks.Api;

/// <summary>Request count and latency of one kind of request in an Api load run.</summary>
public sealed record KindSummary(string Kind, int Requests, LatencySummary LatencyMs);
