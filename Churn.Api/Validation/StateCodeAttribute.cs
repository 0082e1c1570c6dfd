using Microsoft.OpenApi;

namespace Churn.Api.Validation;

/// <summary>A two-letter state code, in any case (<c>ks</c> is <c>KS</c>).</summary>
public sealed class StateCodeAttribute : QueryValueAttribute
{
    protected override string? Check(string text) =>
        text.Length == 2 && text.All(char.IsAsciiLetter) ? null : "Must be a two-letter state code.";

    public override void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.String;
        schema.Pattern = "^[A-Za-z]{2}$";
    }
}
