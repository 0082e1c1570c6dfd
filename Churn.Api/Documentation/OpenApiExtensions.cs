using System.Text.Json;
using System.Text.Json.Nodes;
using Churn.Api.Security;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Churn.Api.Documentation;

/// <summary>OpenAPI document (/openapi/v1.json), the API-key security scheme, examples, and the Scalar UI (/scalar).</summary>
public static class OpenApiExtensions
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<QueryValueSchemaTransformer>();
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Churn API",
                    Version = "v1",
                    Description = "Real-time telecom churn predictions: query stored predictions and statistics, score customers " +
                        "with an explanation, publish customers into the stream, watch predictions live. Reads are open; " +
                        $"mutating endpoints require the {ApiKeyAuthenticationHandler.HeaderName} header.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.HeaderName,
                    Description = "The value of configuration Churn:ApiKey.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiresApiKeyMetadata>().Any()) return Task.CompletedTask;
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = [],
                });
                operation.Responses ??= [];
                operation.Responses["401"] = new OpenApiResponse { Description = "The X-Api-Key header is missing (ProblemDetails)." };
                operation.Responses["403"] = new OpenApiResponse { Description = "The X-Api-Key header is wrong (ProblemDetails)." };
                return Task.CompletedTask;
            });
        });

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("Churn API").HideDarkModeToggle().DefaultFonts = false);
        app.MapGet("/", () => TypedResults.Redirect("/scalar/v1")).ExcludeFromDescription();
        return app;
    }

    /// <summary>Adds an example JSON body to the documented response of <paramref name="statusCode"/>.</summary>
    public static RouteHandlerBuilder WithResponseExample(this RouteHandlerBuilder builder, int statusCode, object example) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            if (operation.Responses?.TryGetValue(statusCode.ToString(), out var response) == true && response.Content is { } content)
            {
                foreach (var media in content.Values) media.Example = ToNode(example, context.ApplicationServices);
            }
            return Task.CompletedTask;
        });

    /// <summary>Adds an example JSON body to the documented request.</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, object example) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            if (operation.RequestBody?.Content is { } content)
            {
                foreach (var media in content.Values) media.Example = ToNode(example, context.ApplicationServices);
            }
            return Task.CompletedTask;
        });

    private static JsonNode? ToNode(object example, IServiceProvider services)
    {
        var json = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<JsonOptions>>().Value.SerializerOptions;
        return JsonSerializer.SerializeToNode(example, example.GetType(), json);
    }
}
