using Microsoft.OpenApi;

namespace Churn.Api.Validation;

/// <summary>An instant, ISO 8601 (UTC when it has no offset).</summary>
public sealed class TimestampValueAttribute : QueryValueAttribute
{
    protected override string? Check(string text) =>
        QueryValue.TryTimestamp(text, out _) ? null : $"'{text}' is not a valid DateTimeOffset.";

    public override void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.String;
        schema.Format = "date-time";
    }
}
