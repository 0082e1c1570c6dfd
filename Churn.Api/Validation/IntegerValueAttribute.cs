using System.Globalization;
using Microsoft.OpenApi;

namespace Churn.Api.Validation;

/// <summary>A whole number from <see cref="Minimum"/> to <see cref="Maximum"/>.</summary>
public sealed class IntegerValueAttribute(int minimum, int maximum = int.MaxValue) : QueryValueAttribute
{
    public int Minimum { get; } = minimum;

    public int Maximum { get; } = maximum;

    protected override string? Check(string text) =>
        !QueryValue.TryInteger(text, out var value) ? $"'{text}' is not a valid int."
        : value >= Minimum && value <= Maximum ? null
        : Maximum == int.MaxValue ? $"Must be {Minimum} or more."
        : $"Must be between {Minimum} and {Maximum}.";

    public override void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.Integer;
        schema.Format = "int32";
        schema.Minimum = Minimum.ToString(CultureInfo.InvariantCulture);
        schema.Maximum = Maximum == int.MaxValue ? null : Maximum.ToString(CultureInfo.InvariantCulture);
    }
}
