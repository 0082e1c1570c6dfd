using System.Text.Json.Nodes;

namespace Churn.Api.Tests;

/// <summary>The Api's own /openapi/v1.json.</summary>
internal static class OpenApi
{
    public static async Task<JsonObject> DocumentAsync(ApiFactory factory)
    {
        var body = await factory.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<JsonObject> OperationAsync(ApiFactory factory, string path, string method) =>
        (await DocumentAsync(factory))["paths"]?[path]?[method]?.AsObject()
        ?? throw new Xunit.Sdk.XunitException($"{method.ToUpperInvariant()} {path} is missing from /openapi/v1.json");
}
