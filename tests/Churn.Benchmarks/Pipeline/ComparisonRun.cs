namespace Churn.Benchmarks.Pipeline;

/// <summary>One run of <c>pipeline-compare</c>: its case, the 1-minute load average when it started, its summary.</summary>
public sealed record ComparisonRun(int Repeat, ComparisonCase Case, string LoadAtStart, int ExitCode, PipelineSummary? Summary);
