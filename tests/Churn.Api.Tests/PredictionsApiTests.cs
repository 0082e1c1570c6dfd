using System.Net;
using Churn.Domain.Predictions;

namespace Churn.Api.Tests;

public sealed class PredictionsApiTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly ApiFactory factory;
    private readonly HttpClient client;

    public PredictionsApiTests(ApiFactory factory)
    {
        this.factory = factory;
        client = factory.CreateClient();
    }

    public async ValueTask InitializeAsync() => await factory.Store.UpsertAsync(TestData.Seed(), CancellationToken.None);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Filters_narrow_the_list_and_total_counts_every_match()
    {
        var page = await (await client.Get("/api/predictions?state=ks&riskBand=High&pageSize=200")).Read<PredictionPage>();

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, p => Assert.True(p.State == "KS" && p.RiskBand == RiskBand.High));
        Assert.Equal(TestData.Seed().Count(p => p.State == "KS" && p.RiskBand == RiskBand.High), page.Total);
    }

    [Fact]
    public async Task Min_probability_predicted_label_and_time_window_filter_together()
    {
        var from = TestData.Start.AddMinutes(10).ToString("O");
        var to = TestData.Start.AddMinutes(30).ToString("O");
        var page = await (await client.Get(
            $"/api/predictions?minProbability=0.3&predictedChurn=true&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}&pageSize=200"))
            .Read<PredictionPage>();

        var expected = TestData.Seed().Where(p => p.ChurnProbability >= 0.3 && p.PredictedChurn
            && p.ScoredAt >= TestData.Start.AddMinutes(10) && p.ScoredAt < TestData.Start.AddMinutes(30)).ToList();
        Assert.Equal(expected.Select(p => p.EventId).Order(), page.Items.Select(p => p.EventId).Order());
    }

    [Fact]
    public async Task Sorting_and_paging_walk_the_whole_result_without_overlap()
    {
        var first = await (await client.Get("/api/predictions?sort=ProbabilityDesc&page=1&pageSize=15")).Read<PredictionPage>();
        var second = await (await client.Get("/api/predictions?sort=ProbabilityDesc&page=2&pageSize=15")).Read<PredictionPage>();

        Assert.Equal(15, first.Items.Count);
        Assert.Equal(15, first.PageSize);
        Assert.True(first.Items.Zip(first.Items.Skip(1)).All(pair => pair.First.ChurnProbability >= pair.Second.ChurnProbability));
        Assert.True(first.Items[^1].ChurnProbability >= second.Items[0].ChurnProbability);
        Assert.Empty(first.Items.Select(p => p.EventId).Intersect(second.Items.Select(p => p.EventId)));
    }

    [Theory]
    [InlineData("sort=probabilityDesc&riskBand=high")]
    [InlineData("sort=PROBABILITYDESC&riskBand=HIGH")]
    public async Task Sort_and_risk_band_are_accepted_in_any_case(string query)
    {
        var exact = await (await client.Get("/api/predictions?sort=ProbabilityDesc&riskBand=High&pageSize=200")).Read<PredictionPage>();

        var anyCase = await (await client.Get($"/api/predictions?{query}&pageSize=200")).Read<PredictionPage>();

        Assert.NotEmpty(anyCase.Items);
        Assert.All(anyCase.Items, p => Assert.Equal(RiskBand.High, p.RiskBand));
        Assert.Equal(anyCase.Items.OrderByDescending(p => p.ChurnProbability).Select(p => p.ChurnProbability), anyCase.Items.Select(p => p.ChurnProbability));
        Assert.Equal(exact.Items.Select(p => p.EventId), anyCase.Items.Select(p => p.EventId));
    }

    [Theory]
    [InlineData("pageSize=201", "pageSize", "between 1 and 200")]
    [InlineData("pageSize=0", "pageSize", "between 1 and 200")]
    [InlineData("page=0", "page", "1 or more")]
    [InlineData("pageSize=abc", "pageSize", "'abc' is not a valid int.")]
    [InlineData("pageSize=1&pageSize=2", "pageSize", "'1,2' is not a valid int.")]
    [InlineData("minProbability=1.5", "minProbability", "between 0 and 1")]
    [InlineData("minProbability=NaN", "minProbability", "between 0 and 1")]
    [InlineData("minProbability=lots", "minProbability", "'lots' is not a valid double.")]
    [InlineData("predictedChurn=maybe", "predictedChurn", "'maybe' is not a valid bool.")]
    [InlineData("riskBand=Severe", "riskBand", "'Severe' is not a valid RiskBand: use Low, Medium or High.")]
    [InlineData("riskBand=2", "riskBand", "'2' is not a valid RiskBand")]
    [InlineData("sort=Bogus", "sort", "'Bogus' is not a valid PredictionSort: use ScoredAtDesc, ScoredAtAsc, ProbabilityDesc or ProbabilityAsc.")]
    [InlineData("state=Kansas", "state", "two-letter")]
    [InlineData("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to", "later than")]
    [InlineData("from=yesterday", "from", "'yesterday' is not a valid DateTimeOffset.")]
    public async Task Invalid_query_values_are_a_400_naming_the_field(string query, string field, string reason)
    {
        var message = await (await client.Get($"/api/predictions?{query}")).ValidationError(field);
        Assert.Contains(reason, message);
    }

    [Fact]
    public async Task One_prediction_by_event_id_and_404_problem_for_an_unknown_id()
    {
        var found = await (await client.Get("/api/predictions/seed-007")).Read<Prediction>();
        Assert.Equal("seed-007", found.EventId);
        Assert.Equal("cust-7", found.CustomerId);
        Assert.Equal(TestData.Seed()[7].ChurnProbability, found.ChurnProbability, 10);

        var missing = await (await client.Get("/api/predictions/no-such-event")).Problem(HttpStatusCode.NotFound);
        Assert.Contains("no-such-event", missing["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Customer_history_is_newest_first_and_404_when_the_customer_has_none()
    {
        var history = await (await client.Get("/api/customers/cust-3/predictions")).Read<List<Prediction>>();
        Assert.Equal(TestData.Seed().Count(p => p.CustomerId == "cust-3"), history.Count);
        Assert.True(history.Zip(history.Skip(1)).All(pair => pair.First.ScoredAt > pair.Second.ScoredAt));

        var limited = await (await client.Get("/api/customers/cust-3/predictions?limit=2")).Read<List<Prediction>>();
        Assert.Equal(history.Take(2).Select(p => p.EventId), limited.Select(p => p.EventId));

        await (await client.Get("/api/customers/nobody/predictions")).Problem(HttpStatusCode.NotFound);
        Assert.Contains("between 1 and 200", await (await client.Get("/api/customers/cust-3/predictions?limit=500")).ValidationError("limit"));
        Assert.Contains("'ten' is not a valid int.", await (await client.Get("/api/customers/cust-3/predictions?limit=ten")).ValidationError("limit"));
    }
}
