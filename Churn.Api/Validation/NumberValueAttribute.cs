using System.Globalization;
using Microsoft.OpenApi;

namespace Churn.Api.Validation;

/// <summary>A number from <see cref="Minimum"/> to <see cref="Maximum"/> (NaN is in no range).</summary>
public sealed class NumberValueAttribute(double minimum, double maximum) : QueryValueAttribute
{
    public double Minimum { get; } = minimum;

    public double Maximum { get; } = maximum;

    protected override string? Check(string text) =>
        !QueryValue.TryNumber(text, out var value) ? $"'{text}' is not a valid double."
        : value >= Minimum && value <= Maximum ? null
        : string.Create(CultureInfo.InvariantCulture, $"Must be between {Minimum} and {Maximum}.");

    public override void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.Number;
        schema.Format = "double";
        schema.Minimum = Minimum.ToString(CultureInfo.InvariantCulture);
        schema.Maximum = Maximum.ToString(CultureInfo.InvariantCulture);
    }
}
