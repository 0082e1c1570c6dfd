using System.Globalization;
using Churn.Domain.Customers;
using Churn.Testing;

namespace Churn.Benchmarks.Api;

/// <summary>
/// The GET /api/predictions queries a retention team's pages send (seeded, so runs are comparable): page 1 most often,
/// up to page 5, 50 per page; no filter, a state, a risk band, a minimum probability, state and band together, or the
/// predicted label (the filters the Web's customers page offers); newest first by default, otherwise highest risk
/// first or the reverse orders. Each query has a kind (filter/sort, e.g. <c>band/risk</c>) for the per-kind report.
/// </summary>
public sealed class PredictionQueryMix(int seed = 7)
{
    private static readonly string[] Bands = ["Low", "Medium", "High"];
    private static readonly double[] MinProbabilities = [0.3, 0.5, 0.7, 0.9];
    private static readonly int[] Pages = [1, 1, 1, 1, 2, 2, 3, 4, 5];
    private readonly string[] _states = CustomerCsvReader.ReadFile(RepositoryPaths.TestFile)
        .Select(r => r.Record?.State).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
    private readonly Random _random = new(seed);

    public (string Kind, string PathAndQuery) Next()
    {
        var query = new List<string>();
        var filter = Pick(_random.NextDouble(), (0.25, "all"), (0.20, "state"), (0.15, "band"), (0.15, "prob"), (0.15, "state+band"),
            (0.10, "predicted"));
        if (filter.Contains("state", StringComparison.Ordinal)) query.Add($"state={_states[_random.Next(_states.Length)]}");
        if (filter.Contains("band", StringComparison.Ordinal)) query.Add($"riskBand={Bands[_random.Next(Bands.Length)]}");
        if (filter == "predicted") query.Add(_random.Next(3) == 0 ? "predictedChurn=false" : "predictedChurn=true");
        if (filter == "prob")
        {
            query.Add($"minProbability={MinProbabilities[_random.Next(MinProbabilities.Length)].ToString(CultureInfo.InvariantCulture)}");
        }
        var sort = Pick(_random.NextDouble(), (0.55, "ScoredAtDesc"), (0.30, "ProbabilityDesc"), (0.05, "ScoredAtAsc"), (0.10, "ProbabilityAsc"));
        if (sort != "ScoredAtDesc") query.Add($"sort={sort}");
        query.Add($"page={Pages[_random.Next(Pages.Length)]}");
        query.Add("pageSize=50");
        var kind = $"{filter}/{sort switch { "ScoredAtDesc" => "new", "ScoredAtAsc" => "old", "ProbabilityDesc" => "risk", _ => "safe" }}";
        return (kind, "/api/predictions?" + string.Join('&', query));
    }

    private static string Pick(double draw, params (double Share, string Name)[] choices)
    {
        foreach (var (share, name) in choices)
        {
            if (draw < share) return name;
            draw -= share;
        }
        return choices[^1].Name;
    }
}
