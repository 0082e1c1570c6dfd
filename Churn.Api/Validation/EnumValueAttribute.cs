using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Churn.Api.Validation;

/// <summary>One of <typeparamref name="TEnum"/>'s names, in any case (<c>probabilityDesc</c> is <c>ProbabilityDesc</c>).</summary>
public sealed class EnumValueAttribute<TEnum> : QueryValueAttribute where TEnum : struct, Enum
{
    private static readonly string[] Names = Enum.GetNames<TEnum>();

    /// <summary>The allowed names as a sentence: <c>Low, Medium or High</c>.</summary>
    public static string Allowed => $"{string.Join(", ", Names[..^1])} or {Names[^1]}";

    protected override string? Check(string text) =>
        QueryValue.TryEnum<TEnum>(text, out _) ? null : $"'{text}' is not a valid {typeof(TEnum).Name}: use {Allowed}.";

    public override void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.String;
        schema.Enum = [.. Names.Select(name => JsonValue.Create(name))];
    }
}
