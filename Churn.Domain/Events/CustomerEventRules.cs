using System.Text.RegularExpressions;
using Churn.Domain.Customers;

namespace Churn.Domain.Events;

/// <summary>
/// The rules every <see cref="CustomerEvent"/> obeys wherever it comes from (a CSV replay, the synthetic generator, the
/// Api, a record read from the stream): the current schema, identifiers in a safe alphabet (they become URLs, log
/// fields and store keys), a source, a time, and a customer that passes the field rules of the contract.
/// </summary>
public static partial class CustomerEventRules
{
    public const int MaxIdLength = 128;
    public const int MaxSourceLength = 256;

    /// <summary>Event and customer ids: 1 to 128 of letters, digits, '.', '_', ':' and '-'.</summary>
    public const string IdPattern = "^[A-Za-z0-9._:-]{1,128}$";

    public static bool IsValidId(string? id) => id is not null && Id().IsMatch(id);

    /// <summary>Null when <paramref name="e"/> is valid; otherwise every broken rule, one sentence each.</summary>
    public static string? Validate(CustomerEvent e)
    {
        var reasons = new List<string>();
        if (e.SchemaVersion != CustomerEvent.CurrentSchemaVersion)
            reasons.Add($"schemaVersion {e.SchemaVersion} is not {CustomerEvent.CurrentSchemaVersion}");
        if (!IsValidId(e.EventId))
            reasons.Add($"eventId {Show(e.EventId)} is not 1 to {MaxIdLength} of letters, digits and . _ : -");
        if (!IsValidId(e.CustomerId))
            reasons.Add($"customerId {Show(e.CustomerId)} is not 1 to {MaxIdLength} of letters, digits and . _ : -");
        if (string.IsNullOrWhiteSpace(e.Source) || e.Source.Length > MaxSourceLength || e.Source.Any(char.IsControl))
            reasons.Add($"source {Show(e.Source)} is not 1 to {MaxSourceLength} printable characters");
        if (e.OccurredAt == default)
            reasons.Add("occurredAt is missing");
        if (e.Customer is null)
            reasons.Add("customer is missing");
        else if (CustomerFieldValidator.Validate(e.Customer) is { Count: > 0 } errors)
            reasons.Add(CustomerFieldError.Describe(errors));
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    /// <summary>A value quoted for a reason: at most 40 characters, control characters shown as '?'.</summary>
    private static string Show(string? value) => value is null ? "(missing)"
        : "'" + new string([.. value.Take(40).Select(c => char.IsControl(c) ? '?' : c)]) + (value.Length > 40 ? "…'" : "'");

    [GeneratedRegex(IdPattern)]
    private static partial Regex Id();
}
