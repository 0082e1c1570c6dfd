using System.Text.Json.Nodes;

namespace Churn.Api.Tests;

public sealed class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static readonly TheoryData<string, string, bool> Endpoints = new()
    {
        { "get", "/api/predictions", false },
        { "get", "/api/predictions/stream", false },
        { "get", "/api/predictions/{eventId}", false },
        { "get", "/api/customers/{customerId}/predictions", false },
        { "post", "/api/customers", true },
        { "get", "/api/stats", false },
        { "get", "/api/model", false },
        { "get", "/api/models", false },
        { "post", "/api/score", false },
        { "post", "/api/admin/replay", true },
        { "post", "/api/admin/model/reload", true },
    };

    private Task<JsonObject> Document() => OpenApi.DocumentAsync(factory);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_endpoint_is_documented_with_summary_description_responses_and_its_security(string method, string path, bool needsKey)
    {
        var doc = await Document();
        var operation = doc["paths"]?[path]?[method]?.AsObject();
        Assert.True(operation is not null, $"{method.ToUpperInvariant()} {path} is missing from /openapi/v1.json");
        Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()));
        var responses = operation["responses"]!.AsObject();
        var success = responses.First(r => r.Key.StartsWith('2'));
        Assert.NotNull(success.Value!["content"]);
        if (path != "/api/predictions/stream")
        {
            Assert.True(success.Value!["content"]!.AsObject().Any(c => c.Value?["example"] is not null), $"{path} has no example");
        }

        var security = operation["security"]?.AsArray();
        if (needsKey)
        {
            Assert.Contains(security!, s => s!.AsObject().ContainsKey("ApiKey"));
            Assert.True(responses.ContainsKey("401") && responses.ContainsKey("403"));
        }
        else
        {
            Assert.True(security is null or { Count: 0 }, $"{path} should be open");
        }
    }

    [Fact]
    public async Task Query_parameters_bound_as_strings_are_documented_as_the_values_they_must_be()
    {
        var parameters = (await OpenApi.OperationAsync(factory, "/api/predictions", "get"))["parameters"]!.AsArray()
            .ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["schema"]!.ToJsonString());

        Assert.Equal("""{"maximum":200,"minimum":1,"type":"integer","format":"int32"}""", parameters["pageSize"]);
        Assert.Equal("""{"minimum":1,"type":"integer","format":"int32"}""", parameters["page"]);
        Assert.Equal("""{"maximum":1,"minimum":0,"type":"number","format":"double"}""", parameters["minProbability"]);
        Assert.Equal("""{"type":"boolean"}""", parameters["predictedChurn"]);
        Assert.Equal("""{"type":"string","format":"date-time"}""", parameters["from"]);
        Assert.Equal("""{"enum":["ScoredAtDesc","ScoredAtAsc","ProbabilityDesc","ProbabilityAsc"],"type":"string"}""", parameters["sort"]);
        Assert.Equal("""{"enum":["Low","Medium","High"],"type":"string"}""", parameters["riskBand"]);
        Assert.Equal("""{"pattern":"^[A-Za-z]{2}$","type":"string"}""", parameters["state"]);
    }

    [Fact]
    public async Task Publishing_documents_the_idempotency_key_header_the_client_event_id_and_every_refusal()
    {
        var doc = await Document();
        var operation = doc["paths"]!["/api/customers"]!["post"]!;
        var header = operation["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Idempotency-Key")!;
        var eventId = doc["components"]!["schemas"]!["CustomerInput"]!["properties"]!["eventId"];

        Assert.Equal("header", header["in"]!.GetValue<string>());
        Assert.False(header["required"]?.GetValue<bool>() ?? false);
        Assert.Contains("derive", header["description"]!.GetValue<string>());
        Assert.NotNull(eventId);
        Assert.Contains("unique within the request", eventId["description"]!.GetValue<string>());
        Assert.All(new[] { "400", "409", "422", "503" }, status => Assert.NotNull(operation["responses"]![status]));
    }

    [Theory]
    [InlineData("post", "/api/score")]
    [InlineData("get", "/api/predictions/stream")]
    public async Task Rate_limited_endpoints_document_their_429(string method, string path) =>
        Assert.NotNull((await Document())["paths"]![path]![method]!["responses"]!["429"]);

    [Fact]
    public async Task The_api_key_security_scheme_is_a_header()
    {
        var scheme = (await Document())["components"]?["securitySchemes"]?["ApiKey"];
        Assert.Equal("apiKey", scheme?["type"]?.GetValue<string>());
        Assert.Equal("header", scheme?["in"]?.GetValue<string>());
        Assert.Equal("X-Api-Key", scheme?["name"]?.GetValue<string>());
    }

    [Fact]
    public async Task Validation_and_not_found_problems_are_documented()
    {
        var paths = (await Document())["paths"]!;
        foreach (var withQuery in new[] { "/api/predictions", "/api/predictions/stream", "/api/stats", "/api/customers/{customerId}/predictions" })
        {
            Assert.NotNull(paths[withQuery]!["get"]!["responses"]!["400"]);
        }
        Assert.NotNull(paths["/api/predictions/{eventId}"]!["get"]!["responses"]!["404"]);
        Assert.NotNull(paths["/api/model"]!["get"]!["responses"]!["503"]);
    }

    [Fact]
    public async Task Scalar_ui_is_served_without_external_fonts()
    {
        var html = await factory.CreateClient().GetStringAsync("/scalar/v1", TestContext.Current.CancellationToken);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html);
        Assert.Contains("\"withDefaultFonts\":false", html);
        // The UI's script is served by the Api itself (no CDN).
        var script = await factory.CreateClient().GetAsync("/scalar/scalar.js", TestContext.Current.CancellationToken);
        Assert.True(script.IsSuccessStatusCode);
    }
}
