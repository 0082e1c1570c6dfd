using System.Net;
using System.Text;
using Churn.Api.Contracts;
using Churn.Api.Tests.Doubles;
using Churn.Core.Pipeline;

namespace Churn.Api.Tests;

public sealed class ScoringApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private static CustomerBatchRequest Batch(params CustomerInput[] customers) => new() { Customers = customers };

    [Fact]
    public async Task Scores_each_customer_with_the_serving_model_in_one_call_and_explains_the_risk()
    {
        var risky = TestData.Customer(serviceCalls: 6, dayMinutes: 300, intlPlan: true);
        var calm = TestData.Customer(serviceCalls: 0, dayMinutes: 120);
        var scorer = (LogisticScorer)factory.Model.Current!;
        var callsBefore = scorer.Calls;

        var response = await (await client.PostJson("/api/score", Batch(CustomerInput.From(risky), CustomerInput.From(calm))))
            .Read<ScoreResponse>();

        Assert.Equal(callsBefore + 1, scorer.Calls);
        Assert.Equal("test-1", response.ModelVersion);
        Assert.Equal(2, response.Results.Count);
        var (r, c) = (response.Results[0], response.Results[1]);
        Assert.Equal(LogisticScorer.Probability(risky), r.ChurnProbability, 5);
        Assert.True(r.PredictedChurn);
        Assert.Equal(RiskBand.High, r.RiskBand);
        Assert.False(c.PredictedChurn);

        // Service calls 6 vs median 1, day minutes 300 vs 179.4 and the plan vs "no" all raise this customer's risk.
        Assert.Equal(["CustomerServiceCalls", "InternationalPlan", "TotalDayMinutes"], r.Explanation.RaisingRisk.Select(e => e.Feature).Order());
        var calls = r.Explanation.RaisingRisk.Single(e => e.Feature == "CustomerServiceCalls");
        Assert.Equal(("6", "1"), (calls.Value, calls.Reference));
        var withMedianCalls = LogisticScorer.Probability(risky with { CustomerServiceCalls = 1 });
        Assert.Equal(LogisticScorer.Probability(risky) - withMedianCalls, calls.Effect, 5);
        Assert.Contains("median", r.Explanation.Method);
        // 120 day minutes and no service call (both below the medians) lower the calm customer's risk.
        Assert.Equal(["CustomerServiceCalls", "TotalDayMinutes"], c.Explanation.LoweringRisk.Select(e => e.Feature).Order());
        Assert.Empty(c.Explanation.RaisingRisk);
        Assert.Equal(19, r.Explanation.Effects.Count);
    }

    [Fact]
    public async Task Missing_and_out_of_range_fields_are_a_400_naming_each_field()
    {
        var incomplete = CustomerInput.From(TestData.Customer()) with { TotalDayMinutes = null, State = "XX" };
        var negative = CustomerInput.From(TestData.Customer()) with { CustomerServiceCalls = -1 };

        var response = await client.PostJson("/api/score", Batch(incomplete, negative));

        Assert.Contains("required", await response.ValidationError("customers[0].totalDayMinutes"));
        var problem = await (await client.PostJson("/api/score", Batch(incomplete, negative))).Problem(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("customers[1].customerServiceCalls"));
    }

    [Fact]
    public async Task A_wrongly_typed_value_is_a_400_naming_its_json_path()
    {
        using var body = new StringContent("""{"customers":[{"state":"KS","totalDayMinutes":"lots"}]}""", Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/score", body, TestContext.Current.CancellationToken);
        Assert.Contains("could not be converted", await response.ValidationError("customers[0].totalDayMinutes"));
    }

    [Fact]
    public async Task Malformed_json_and_an_empty_batch_are_400s_with_a_reason()
    {
        using var broken = new StringContent("""{"customers":[{"state":""", Encoding.UTF8, "application/json");
        await (await client.PostAsync("/api/score", broken, TestContext.Current.CancellationToken)).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("At least one", await (await client.PostJson("/api/score", Batch())).ValidationError("customers"));
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused_with_the_limit_named()
    {
        var tooMany = Enumerable.Range(0, ApiFactory.MaxBatchSize + 1).Select(_ => CustomerInput.From(TestData.Customer())).ToArray();
        var reason = await (await client.PostJson("/api/score", Batch(tooMany))).ValidationError("customers");
        Assert.Contains($"At most {ApiFactory.MaxBatchSize}", reason);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_problem()
    {
        using var body = new StringContent(new string(' ', ApiFactory.MaxBodyBytes + 1), Encoding.UTF8, "application/json");
        var problem = await (await client.PostAsync("/api/score", body, TestContext.Current.CancellationToken))
            .Problem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("limit", problem["detail"]!.GetValue<string>());
    }
}

public sealed class NoModelTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory factory;
    private readonly HttpClient client;

    public NoModelTests(ApiFactory factory)
    {
        this.factory = factory;
        factory.Model.Current = null;
        client = factory.CreateClient();
    }

    [Fact]
    public async Task Model_and_score_are_503_problems_while_no_model_serves()
    {
        var problem = await (await client.Get("/api/model")).Problem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("No model is serving", problem["title"]!.GetValue<string>());
        await (await client.PostJson("/api/score", new CustomerBatchRequest { Customers = [CustomerInput.From(TestData.Customer())] }))
            .Problem(HttpStatusCode.ServiceUnavailable);

        var models = await (await client.Get("/api/models")).Read<ModelsResponse>();
        Assert.Null(models.Serving);
        Assert.Null(factory.Model.Current);
    }
}
