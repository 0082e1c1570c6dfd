using System.Net;
using System.Text;
using Churn.Api.Explanations;
using Churn.Core.Onnx;
using Churn.Core.Serving;
using Churn.Domain.Api;
using Churn.Domain.Models;
using Churn.Domain.Predictions;
using Churn.Testing;

namespace Churn.Api.Tests;

public sealed class WhatIfApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private static CustomerBatchRequest Batch(params CustomerInput[] customers) => new() { Customers = customers };

    [Fact]
    public async Task Scores_each_customer_with_the_serving_model_and_explains_the_risk_by_reference_substitution()
    {
        var risky = TestCustomers.Typical(serviceCalls: 6, dayMinutes: 300, intlPlan: true);
        var calm = TestCustomers.Typical(serviceCalls: 0, dayMinutes: 120);
        using var direct = ModelCandidate.Load(factory.Settings.ModelDirectory, new OnnxScorerOptions());

        var response = await (await client.PostJson("/api/score", Batch(CustomerInput.From(risky), CustomerInput.From(calm))))
            .Read<ScoreResponse>();

        Assert.Equal(direct.Card.Version, response.ModelVersion);
        Assert.Equal(direct.Card.Threshold, response.Threshold);
        var (r, c) = (response.Results[0], response.Results[1]);
        Assert.Equal(direct.ProbabilityOf(risky), r.ChurnProbability, 6);
        Assert.Equal(direct.ProbabilityOf(calm), c.ChurnProbability, 6);
        Assert.True(r.PredictedChurn, $"six service calls, 300 day minutes and an international plan scored {r.ChurnProbability}");
        Assert.Equal(RiskBand.High, r.RiskBand);
        Assert.False(c.PredictedChurn);

        // Every effect is P(customer) − P(customer with that one feature at its training reference), from the same model.
        Assert.Equal(15, r.Explanation.Effects.Count);
        var calls = r.Explanation.Effects.Single(e => e.Feature == "CustomerServiceCalls");
        Assert.Equal(("6", "1"), (calls.Value, calls.Reference));
        Assert.Equal(r.ChurnProbability - direct.ProbabilityOf(risky with { CustomerServiceCalls = 1 }), calls.Effect, 5);
        // A period's minutes and charge move together, so the substituted customer is a possible one.
        var (minutes, charge) = (direct.Card.FeatureStatistics["TotalDayMinutes"].Median, direct.Card.FeatureStatistics["TotalDayCharge"].Median);
        var day = r.Explanation.Effects.Single(e => e.Feature == "DayUsage");
        Assert.Equal("300 min / $51", day.Value);
        Assert.Equal(r.ChurnProbability - direct.ProbabilityOf(risky with { TotalDayMinutes = minutes, TotalDayCharge = charge }), day.Effect, 5);
        Assert.Equal(r.Explanation.Effects.Where(e => e.Effect > 0).OrderByDescending(e => e.Effect).Take(ExplainedScoring.TopCount),
            r.Explanation.RaisingRisk);
        Assert.NotEmpty(r.Explanation.RaisingRisk);
        Assert.All(c.Explanation.LoweringRisk, e => Assert.True(e.Effect < 0));
        Assert.Contains("median", r.Explanation.Method);
    }

    [Fact]
    public async Task Dropping_the_voice_mail_plan_in_an_explanation_also_drops_its_messages()
    {
        var subscriber = TestCustomers.Typical() with { VoiceMailPlan = true, NumberVmailMessages = 25 };
        using var direct = ModelCandidate.Load(factory.Settings.ModelDirectory, new OnnxScorerOptions());

        var response = await (await client.PostJson("/api/score", Batch(CustomerInput.From(subscriber)))).Read<ScoreResponse>();

        var plan = response.Results[0].Explanation.Effects.Single(e => e.Feature == "VoiceMailPlan");
        Assert.Equal(("yes", "no"), (plan.Value, plan.Reference));
        Assert.Equal(response.Results[0].ChurnProbability - direct.ProbabilityOf(subscriber with { VoiceMailPlan = false, NumberVmailMessages = 0 }),
            plan.Effect, 5);
    }

    [Fact]
    public async Task Missing_and_out_of_range_fields_are_a_400_naming_each_field()
    {
        var incomplete = CustomerInput.From(TestCustomers.Typical()) with { TotalDayMinutes = null, State = "XX" };
        var negative = CustomerInput.From(TestCustomers.Typical()) with { CustomerServiceCalls = -1 };

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
        var tooMany = Enumerable.Range(0, ApiFactory.MaxBatchSize + 1).Select(_ => CustomerInput.From(TestCustomers.Typical())).ToArray();
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

public sealed class NoModelTests(NoModelApiFactory factory) : IClassFixture<NoModelApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Model_and_score_are_503_problems_until_a_model_is_put_in_place_and_reloaded()
    {
        var problem = await (await client.Get("/api/model")).Problem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("No model is serving", problem["title"]!.GetValue<string>());
        var score = new CustomerBatchRequest { Customers = [CustomerInput.From(TestCustomers.Typical())] };
        await (await client.PostJson("/api/score", score)).Problem(HttpStatusCode.ServiceUnavailable);
        Assert.Null((await (await client.Get("/api/models")).Read<ModelsResponse>()).Serving);

        factory.Settings.CopyModelFrom(await TrainedModel.EnsureAsync());
        var swapped = await (await factory.CreateClientWithKey().PostJson("/api/admin/model/reload", new { })).Read<ModelSwapResult>();

        Assert.Equal(ModelSwapOutcome.Swapped, swapped.Outcome);
        Assert.Equal((await TrainedModel.CardAsync()).Version, swapped.ServingVersion);
        Assert.Single((await (await client.PostJson("/api/score", score)).Read<ScoreResponse>()).Results);
    }
}
