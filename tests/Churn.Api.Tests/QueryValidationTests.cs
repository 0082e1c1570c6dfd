using System.Net;
using Churn.Domain.Predictions;

namespace Churn.Api.Tests;

/// <summary>
/// Query strings are bound as raw strings and validated by Microsoft.Extensions.Validation before the handlers run:
/// what its generator really produces (keys, messages, ProblemDetails) for every query parameter the Api documents.
/// </summary>
public sealed class QueryValidationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    /// <summary>Each endpoint with query parameters, at a concrete url (route values filled in).</summary>
    public static readonly TheoryData<string, string> Endpoints = new()
    {
        { "/api/predictions", "/api/predictions" },
        { "/api/predictions/stream", "/api/predictions/stream" },
        { "/api/stats", "/api/stats" },
        { "/api/customers/{customerId}/predictions", "/api/customers/cust-3/predictions" },
        { "/api/dead-letters", "/api/dead-letters" },
        { "/api/campaign", "/api/campaign" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_invalid_value_of_every_documented_query_parameter_is_a_400_keyed_by_that_parameters_name(string path, string url)
    {
        var parameters = (await OpenApi.OperationAsync(factory, path, "get"))["parameters"]!.AsArray()
            .Where(p => p!["in"]!.GetValue<string>() == "query")
            .Select(p => p!["name"]!.GetValue<string>())
            .ToList();
        Assert.NotEmpty(parameters);

        foreach (var name in parameters)
        {
            var problem = await (await client.Get($"{url}?{name}=x")).Problem(HttpStatusCode.BadRequest);
            Assert.Equal([name], problem["errors"]!.AsObject().Select(e => e.Key));
        }
    }

    [Fact]
    public async Task A_value_that_does_not_parse_is_the_validation_problem_it_was_when_binding_failed()
    {
        var problem = await (await client.Get("/api/predictions?pageSize=abc")).Problem(HttpStatusCode.BadRequest);

        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", problem["type"]!.GetValue<string>());
        Assert.Equal("One or more validation errors occurred.", problem["title"]!.GetValue<string>());
        var error = Assert.Single(problem["errors"]!.AsObject());
        Assert.Equal(("pageSize", "'abc' is not a valid int."), (error.Key, Assert.Single(error.Value!.AsArray())!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Every_invalid_value_of_a_request_is_reported_at_once()
    {
        var problem = await (await client.Get("/api/predictions?page=0&pageSize=abc&state=Kansas")).Problem(HttpStatusCode.BadRequest);

        Assert.Equal(["page", "pageSize", "state"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Theory]
    [InlineData("/api/predictions?from=yesterday&to=2026-03-01T00:00:00Z", "from")]
    [InlineData("/api/stats?bucketSeconds=abc&windowMinutes=10080", "bucketSeconds")]
    public async Task A_rule_across_values_waits_for_each_value_to_be_valid(string url, string field) =>
        Assert.Contains("not a valid", await (await client.Get(url)).ValidationError(field));

    [Fact]
    public async Task An_empty_value_is_the_parameters_default()
    {
        var page = await (await client.Get("/api/predictions?pageSize=&page=&sort=&riskBand=&state=")).Read<PredictionPage>();

        Assert.Equal((1, 50), (page.Page, page.PageSize));
    }
}
