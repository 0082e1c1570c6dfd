using System.Diagnostics.CodeAnalysis;
using static System.FormattableString;

namespace Churn.Domain.Customers;

public static partial class CustomerFieldValidator
{
    /// <summary>
    /// Parses one customer from text values in <see cref="CustomerColumns.All"/> order: 19 features, optionally
    /// followed by the label (a null or absent label means unknown). Every field is checked; all errors are returned.
    /// </summary>
    public static bool TryParse(
        IReadOnlyList<string?> values,
        [NotNullWhen(true)] out CustomerRecord? record,
        out IReadOnlyList<CustomerFieldError> errors)
    {
        if (values.Count is not (CustomerColumns.FeatureCount or CustomerColumns.FeatureCount + 1))
        {
            record = null;
            errors = [new(null, $"has {values.Count} values; expected {CustomerColumns.FeatureCount} features and an optional label")];
            return false;
        }
        var hasLabel = values.Count > CustomerColumns.FeatureCount && values[^1] is not null;
        var memory = new ReadOnlyMemory<char>[CustomerColumns.All.Count];
        for (var i = 0; i < values.Count; i++)
            memory[i] = (values[i] ?? "").AsMemory();

        List<CustomerFieldError>? found = null;
        record = Parse(memory, hasLabel, ref found);
        errors = found ?? (IReadOnlyList<CustomerFieldError>)[];
        return record is not null;
    }

    /// <summary>
    /// Checks a typed record (e.g. one bound from JSON) against the same rules: state code, non-negative counts,
    /// three-digit area code, finite non-negative minutes and charges. Empty when the record is valid.
    /// </summary>
    public static IReadOnlyList<CustomerFieldError> Validate(CustomerRecord record)
    {
        var errors = new List<CustomerFieldError>();
        if (!UsStates.TryGet(record.State, out var state) || state != record.State)
            errors.Add(Error(CustomerField.State, record.State is null ? "is missing"
                : $"{Show(record.State)} is not an upper-case two-letter US state code (50 states and DC)"));
        if (record.AreaCode is < 100 or > 999)
            errors.Add(Error(CustomerField.AreaCode, Invariant($"{record.AreaCode} is not a three-digit area code")));
        CheckCount(errors, CustomerField.AccountLength, record.AccountLength);
        CheckCount(errors, CustomerField.NumberVmailMessages, record.NumberVmailMessages);
        CheckAmount(errors, CustomerField.TotalDayMinutes, record.TotalDayMinutes);
        CheckCount(errors, CustomerField.TotalDayCalls, record.TotalDayCalls);
        CheckAmount(errors, CustomerField.TotalDayCharge, record.TotalDayCharge);
        CheckAmount(errors, CustomerField.TotalEveMinutes, record.TotalEveMinutes);
        CheckCount(errors, CustomerField.TotalEveCalls, record.TotalEveCalls);
        CheckAmount(errors, CustomerField.TotalEveCharge, record.TotalEveCharge);
        CheckAmount(errors, CustomerField.TotalNightMinutes, record.TotalNightMinutes);
        CheckCount(errors, CustomerField.TotalNightCalls, record.TotalNightCalls);
        CheckAmount(errors, CustomerField.TotalNightCharge, record.TotalNightCharge);
        CheckAmount(errors, CustomerField.TotalIntlMinutes, record.TotalIntlMinutes);
        CheckCount(errors, CustomerField.TotalIntlCalls, record.TotalIntlCalls);
        CheckAmount(errors, CustomerField.TotalIntlCharge, record.TotalIntlCharge);
        CheckCount(errors, CustomerField.CustomerServiceCalls, record.CustomerServiceCalls);
        return errors;
    }

    private static void CheckCount(List<CustomerFieldError> errors, CustomerField field, int value)
    {
        if (value < 0)
            errors.Add(Error(field, Invariant($"{value} is negative; expected a whole number ≥ 0")));
    }

    private static void CheckAmount(List<CustomerFieldError> errors, CustomerField field, double value)
    {
        if (!double.IsFinite(value))
            errors.Add(Error(field, Invariant($"{value} is not a finite number")));
        else if (value < 0)
            errors.Add(Error(field, Invariant($"{value} is negative; expected a number ≥ 0")));
    }

    internal static CustomerFieldError Error(CustomerField field, string reason) =>
        new(CustomerColumns.Get(field).Name, reason);
}
