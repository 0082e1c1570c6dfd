using System.Text.Json.Nodes;
using Churn.Api.Idempotency;
using Microsoft.OpenApi;

namespace Churn.Api.Documentation;

/// <summary>Documents the optional Idempotency-Key request header (read from the request by the handler, not bound).</summary>
public static class IdempotencyKeyHeader
{
    public static RouteHandlerBuilder WithIdempotencyKeyHeader(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKey.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Makes retries safe: the customers' event ids derive from the key and their position " +
                    "(api-{32 hex digits of SHA-256(key)}-{position}), a repeat of a completed request answers its 202 again " +
                    "(Idempotent-Replayed: true) without publishing, the same key with another body is a 422, while the " +
                    "first is still running a 409. Keys are remembered for Churn:Idempotency:Ttl (24 h), in memory: after a " +
                    "restart a repeat publishes again under the same ids (still one prediction per event). " + IdempotencyKey.Rule,
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKey.MaxLength + 2,
                    Pattern = "^\"?[!#-\\[\\]-~]{1,128}\"?$",
                },
                Example = JsonValue.Create(ApiExamples.IdempotencyKey),
            });
            return Task.CompletedTask;
        });
}
