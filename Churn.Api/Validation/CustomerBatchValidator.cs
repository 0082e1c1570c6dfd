using Churn.Api.Ingest;
using Churn.Domain.Events;

namespace Churn.Api.Validation;

/// <summary>
/// Turns a <see cref="CustomerBatchRequest"/> into customer records or a field-keyed error dictionary
/// (<c>customers[3].totalDayMinutes</c> → reasons) for a 400 ValidationProblem. Presence and shape are checked here;
/// the per-field domain rules are the record contract's (<see cref="CustomerFieldValidator.Validate"/>), the same ones Ingest applies.
/// Client event ids follow the id alphabet, are unique within the request and never take a form the pipeline mints for
/// replayed or synthetic rows (<see cref="ReservedEventIdPrefixes"/>: a client must not overwrite those predictions).
/// </summary>
/// <param name="maxBatchSize">Most customers per request.</param>
/// <param name="limitSource">Where that limit comes from, said in the 400 (e.g. " without an API key (…)").</param>
public sealed class CustomerBatchValidator(int maxBatchSize, string limitSource = "")
{
    /// <summary>Event ids of the CSV replay (<c>csv-…</c>) and of the synthetic generator (<c>syn-…</c>).</summary>
    public static readonly IReadOnlyList<string> ReservedEventIdPrefixes = ["csv-", "syn-"];

    public bool TryValidate(CustomerBatchRequest? request, out IReadOnlyList<IdentifiedCustomer> customers,
        out Dictionary<string, string[]> errors)
    {
        errors = [];
        customers = [];
        if (request?.Customers is not { Count: > 0 } inputs)
        {
            errors["customers"] = ["At least one customer is required."];
            return false;
        }
        if (inputs.Count > maxBatchSize)
        {
            errors["customers"] = [$"At most {maxBatchSize} customers per request{limitSource}; this one has {inputs.Count}."];
            return false;
        }

        var valid = new List<IdentifiedCustomer>(inputs.Count);
        var eventIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var prefix = $"customers[{i}]";
            if (inputs[i] is not { } input)
            {
                errors[prefix] = ["A customer object is required."];
                continue;
            }
            if (input.EventId is { } eventId && EventIdError(eventId, i, eventIds) is { } reason)
            {
                errors[$"{prefix}.eventId"] = [reason];
            }
            if (TryConvert(input, prefix, errors) is { } record)
            {
                valid.Add(new IdentifiedCustomer(input.CustomerId ?? "", record, input.EventId));
            }
        }
        customers = valid;
        return errors.Count == 0;
    }

    private static string? EventIdError(string eventId, int index, Dictionary<string, int> seen)
    {
        if (!CustomerEventRules.IsValidId(eventId)) return $"Must be 1 to {CustomerEventRules.MaxIdLength} of letters, digits and . _ : -";
        if (ReservedEventIdPrefixes.FirstOrDefault(p => eventId.StartsWith(p, StringComparison.Ordinal)) is { } reserved)
            return $"Event ids starting with '{reserved}' are reserved for the ids the pipeline mints (replay and synthetic rows).";
        if (!seen.TryAdd(eventId, index)) return $"The same event id as customers[{seen[eventId]}]; each customer of a request is its own event.";
        return null;
    }

    private static CustomerRecord? TryConvert(CustomerInput c, string prefix, Dictionary<string, string[]> errors)
    {
        var before = errors.Count;
        T Need<T>(T? value, string field) where T : struct
        {
            if (value is null) errors[$"{prefix}.{field}"] = ["The field is required."];
            return value.GetValueOrDefault();
        }

        if (string.IsNullOrWhiteSpace(c.State)) errors[$"{prefix}.state"] = ["The field is required."];
        if (c.CustomerId is { } id && !CustomerEventRules.IsValidId(id))
            errors[$"{prefix}.customerId"] = [$"Must be 1 to {CustomerEventRules.MaxIdLength} of letters, digits and . _ : -"];
        var record = new CustomerRecord
        {
            State = c.State ?? "",
            AccountLength = Need(c.AccountLength, "accountLength"),
            AreaCode = Need(c.AreaCode, "areaCode"),
            InternationalPlan = Need(c.InternationalPlan, "internationalPlan"),
            VoiceMailPlan = Need(c.VoiceMailPlan, "voiceMailPlan"),
            NumberVmailMessages = Need(c.NumberVmailMessages, "numberVmailMessages"),
            TotalDayMinutes = Need(c.TotalDayMinutes, "totalDayMinutes"),
            TotalDayCalls = Need(c.TotalDayCalls, "totalDayCalls"),
            TotalDayCharge = Need(c.TotalDayCharge, "totalDayCharge"),
            TotalEveMinutes = Need(c.TotalEveMinutes, "totalEveMinutes"),
            TotalEveCalls = Need(c.TotalEveCalls, "totalEveCalls"),
            TotalEveCharge = Need(c.TotalEveCharge, "totalEveCharge"),
            TotalNightMinutes = Need(c.TotalNightMinutes, "totalNightMinutes"),
            TotalNightCalls = Need(c.TotalNightCalls, "totalNightCalls"),
            TotalNightCharge = Need(c.TotalNightCharge, "totalNightCharge"),
            TotalIntlMinutes = Need(c.TotalIntlMinutes, "totalIntlMinutes"),
            TotalIntlCalls = Need(c.TotalIntlCalls, "totalIntlCalls"),
            TotalIntlCharge = Need(c.TotalIntlCharge, "totalIntlCharge"),
            CustomerServiceCalls = Need(c.CustomerServiceCalls, "customerServiceCalls"),
            Churn = c.Churn,
        };
        if (errors.Count != before) return null;

        foreach (var error in CustomerFieldValidator.Validate(record))
        {
            var key = error.Column is { } column && CustomerColumns.Find(column) is { } found ? $"{prefix}.{found.PropertyName}" : prefix;
            errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, error.Reason] : [error.Reason];
        }
        return errors.Count == before ? record : null;
    }
}
