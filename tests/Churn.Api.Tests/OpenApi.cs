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

    /// <summary>The example body documented for the <paramref name="status"/> response of the operation.</summary>
    public static async Task<JsonNode> ResponseExampleAsync(ApiFactory factory, string path, string method, int status) =>
        (await OperationAsync(factory, path, method))["responses"]?[status.ToString()]?["content"]?.AsObject()
            .Select(media => media.Value?["example"]).FirstOrDefault(example => example is not null)
        ?? throw new Xunit.Sdk.XunitException($"{method.ToUpperInvariant()} {path} documents no example for {status}");
}
