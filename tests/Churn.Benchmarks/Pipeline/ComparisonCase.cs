namespace Churn.Benchmarks.Pipeline;

/// <summary>One configuration of <c>pipeline-compare</c>: a flow (its <c>pipeline</c> options) at a rate.</summary>
public sealed record ComparisonCase(string Flow, double Rate, int Events, IReadOnlyList<string> FlowArguments)
{
    public string RateText => Rate > 0 ? $"{Rate:N0}/s" : "max";

    public string FileStem(int repeat) =>
        $"r{repeat}-{(Rate > 0 ? Rate.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "max")}-" +
        string.Concat(Flow.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
}
