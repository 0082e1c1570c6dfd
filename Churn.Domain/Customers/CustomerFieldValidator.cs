using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Churn.Domain.Customers;

/// <summary>
/// The field rules of the customer contract, shared by the CSV reader, the API and the ingest dead-letter path.
/// Values are trimmed; numbers use the invariant culture. Each rule returns a reason that names the offending value.
/// </summary>
public static partial class CustomerFieldValidator
{
    private const NumberStyles WholeNumber = NumberStyles.AllowLeadingSign;
    private const NumberStyles DecimalNumber =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Two-letter US state code (50 states and DC), any case; <paramref name="state"/> is upper case.</summary>
    public static bool TryParseState(ReadOnlySpan<char> text, out string state, [NotNullWhen(false)] out string? reason)
    {
        text = text.Trim();
        if (UsStates.TryGet(text, out state))
            reason = null;
        else
            reason = text.IsEmpty ? "is empty; expected a two-letter US state code such as CA"
                : $"{Show(text)} is not a two-letter US state code (50 states and DC)";
        return reason is null;
    }

    /// <summary>Whole number ≥ 0: calls, voice-mail messages, account length, customer service calls.</summary>
    public static bool TryParseCount(ReadOnlySpan<char> text, out int value, [NotNullWhen(false)] out string? reason)
    {
        text = text.Trim();
        if (!long.TryParse(text, WholeNumber, CultureInfo.InvariantCulture, out var number))
            reason = text.IsEmpty ? "is empty; expected a whole number ≥ 0" : $"{Show(text)} is not a whole number";
        else if (number < 0)
            reason = $"{Show(text)} is negative; expected a whole number ≥ 0";
        else if (number > int.MaxValue)
            reason = $"{Show(text)} is too large";
        else
            reason = null;
        value = reason is null ? (int)number : 0;
        return reason is null;
    }

    /// <summary>Area code: a three-digit integer (100–999), e.g. 415.</summary>
    public static bool TryParseAreaCode(ReadOnlySpan<char> text, out int value, [NotNullWhen(false)] out string? reason)
    {
        text = text.Trim();
        if (!int.TryParse(text, WholeNumber, CultureInfo.InvariantCulture, out value))
            reason = text.IsEmpty ? "is empty; expected a three-digit area code" : $"{Show(text)} is not an integer";
        else
            reason = value is >= 100 and <= 999 ? null : $"{Show(text)} is not a three-digit area code";
        return reason is null;
    }

    /// <summary>Minutes and charges: a finite number ≥ 0 with '.' as the decimal separator.</summary>
    public static bool TryParseAmount(ReadOnlySpan<char> text, out double value, [NotNullWhen(false)] out string? reason)
    {
        text = text.Trim();
        if (!double.TryParse(text, DecimalNumber, CultureInfo.InvariantCulture, out value))
            reason = text.IsEmpty ? "is empty; expected a number ≥ 0"
                : $"{Show(text)} is not a number (expected digits with '.' as the decimal separator)";
        else if (!double.IsFinite(value))
            reason = $"{Show(text)} is not a finite number";
        else
            reason = value < 0 ? $"{Show(text)} is negative; expected a number ≥ 0" : null;
        return reason is null;
    }

    /// <summary>International or voice-mail plan: a <see cref="TryParseYesNo">yes/no value</see>.</summary>
    public static bool TryParsePlan(ReadOnlySpan<char> text, out bool value, [NotNullWhen(false)] out string? reason) =>
        TryParseYesNo(text, out value, out reason);

    /// <summary>The churn label: a <see cref="TryParseYesNo">yes/no value</see> (the BigML files say True/False).</summary>
    public static bool TryParseLabel(ReadOnlySpan<char> text, out bool value, [NotNullWhen(false)] out string? reason) =>
        TryParseYesNo(text, out value, out reason);

    /// <summary>
    /// The usual encodings of a yes/no value, whichever tool wrote the file: yes/no, true/false or 1/0, any case,
    /// spaces around ignored. The BigML files say yes/no for the plans and True/False for the label.
    /// </summary>
    private static bool TryParseYesNo(ReadOnlySpan<char> text, out bool value, [NotNullWhen(false)] out string? reason)
    {
        const string accepted = "yes/no, true/false or 1/0 (any case)";
        text = text.Trim();
        value = text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("true", StringComparison.OrdinalIgnoreCase)
            || text is "1";
        var valid = value || text.Equals("no", StringComparison.OrdinalIgnoreCase)
            || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text is "0";
        reason = valid ? null
            : text.IsEmpty ? $"is empty; expected {accepted}"
            : $"{Show(text)} is not a yes/no value; accepted: {accepted}";
        return valid;
    }

    /// <summary>The value quoted for a reason, cut to 40 characters so a garbage field cannot flood a log line.</summary>
    internal static string Show(ReadOnlySpan<char> text) =>
        text.Length <= 40 ? $"'{text}'" : $"'{text[..40]}…'";
}
