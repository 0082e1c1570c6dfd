using System.Reflection;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Churn.Api.Documentation;

/// <summary>
/// Query values bind as strings (so binding cannot fail); their <see cref="QueryValueAttribute"/> says what they must
/// be, and this documents that in OpenAPI: an integer with its range, a number, a boolean, a date-time, an enum's names.
/// </summary>
public sealed class QueryValueSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.ParameterDescription?.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: var parameter }
            && parameter.GetCustomAttribute<QueryValueAttribute>() is { } rule)
        {
            rule.Describe(schema);
        }
        return Task.CompletedTask;
    }
}
