using System.Globalization;

namespace Churn.Domain.Customers;

/// <summary>
/// The inverse of <see cref="CustomerCsvReader"/>: BigML header and lines (Yes/No plans, True/False label,
/// invariant-culture numbers that read back to the same doubles). Lines end with '\n'.
/// </summary>
public static class CustomerCsvWriter
{
    /// <summary>The BigML header line, with or without the Churn column.</summary>
    public static string Header(bool includeLabel) => CustomerColumns.Header(includeLabel);

    /// <summary>One CSV line (no line end). With <paramref name="includeLabel"/> the record must have a label.</summary>
    public static string FormatLine(CustomerRecord record, bool includeLabel)
    {
        if (includeLabel && record.Churn is null)
            throw new ArgumentException("The record has no Churn label to write; pass includeLabel: false.", nameof(record));
        var features = string.Create(CultureInfo.InvariantCulture,
            $"{Quote(record.State)},{record.AccountLength},{record.AreaCode},{YesNo(record.InternationalPlan)},{YesNo(record.VoiceMailPlan)},{record.NumberVmailMessages}," +
            $"{record.TotalDayMinutes},{record.TotalDayCalls},{record.TotalDayCharge}," +
            $"{record.TotalEveMinutes},{record.TotalEveCalls},{record.TotalEveCharge}," +
            $"{record.TotalNightMinutes},{record.TotalNightCalls},{record.TotalNightCharge}," +
            $"{record.TotalIntlMinutes},{record.TotalIntlCalls},{record.TotalIntlCharge},{record.CustomerServiceCalls}");
        return includeLabel ? features + (record.Churn == true ? ",True" : ",False") : features;
    }

    /// <summary>Writes the header and one line per record.</summary>
    public static void Write(TextWriter writer, IEnumerable<CustomerRecord> records, bool includeLabel)
    {
        writer.Write(Header(includeLabel));
        writer.Write('\n');
        foreach (var record in records)
        {
            writer.Write(FormatLine(record, includeLabel));
            writer.Write('\n');
        }
    }

    private static string YesNo(bool value) => value ? "Yes" : "No";

    // Only a malformed (unvalidated) state could need quoting; numbers and yes/no never do.
    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : $"\"{text.Replace("\"", "\"\"")}\"";
}
