using Microsoft.OpenApi;

namespace Churn.Api.Validation;

/// <summary><c>true</c> or <c>false</c>, in any case.</summary>
public sealed class BooleanValueAttribute : QueryValueAttribute
{
    protected override string? Check(string text) => QueryValue.TryBoolean(text, out _) ? null : $"'{text}' is not a valid bool.";

    public override void Describe(OpenApiSchema schema) => schema.Type = JsonSchemaType.Boolean;
}
