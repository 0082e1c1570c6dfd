using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Churn.Api.Validation;

/// <summary>
/// How a raw query-string value is read as the type it stands for: the one parser both the validation attributes
/// (does it parse?) and the endpoints (its value, once validated) use. Numbers and instants are read in the invariant
/// culture; an instant without an offset is UTC; enum values are their names in any case (no numbers). An empty
/// value (<c>?pageSize=</c>) is no value, as when the parameter is left out.
/// </summary>
public static class QueryValue
{
    public static bool TryInteger(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static bool TryBoolean(string text, out bool value) => bool.TryParse(text, out value);

    public static bool TryTimestamp(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    public static bool TryEnum<TEnum>(string text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return System.Enum.GetNames<TEnum>().FirstOrDefault(name => string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } match
            && System.Enum.TryParse(match, out value);
    }

    public static bool IsAbsent([NotNullWhen(false)] string? text) => string.IsNullOrEmpty(text);

    public static string? Text(string? text) => IsAbsent(text) ? null : text;

    public static int? Integer(string? text) => IsAbsent(text) ? null : TryInteger(text, out var v) ? v : throw Unvalidated(text);

    public static double? Number(string? text) => IsAbsent(text) ? null : TryNumber(text, out var v) ? v : throw Unvalidated(text);

    public static bool? Boolean(string? text) => IsAbsent(text) ? null : TryBoolean(text, out var v) ? v : throw Unvalidated(text);

    public static DateTimeOffset? Timestamp(string? text) => IsAbsent(text) ? null : TryTimestamp(text, out var v) ? v : throw Unvalidated(text);

    public static TEnum? Enum<TEnum>(string? text) where TEnum : struct, System.Enum =>
        IsAbsent(text) ? null : TryEnum<TEnum>(text, out var v) ? v : throw Unvalidated(text);

    private static FormatException Unvalidated(string text) =>
        new($"'{text}' reached an endpoint without being validated; its parameter lacks a query value attribute.");
}
