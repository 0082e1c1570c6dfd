using System.Globalization;

namespace Churn.Api.Explanations;

/// <summary>
/// The customer's features as the explanation varies them, each able to show a customer's value and to replace it with
/// its training reference (numeric: the median from <see cref="ModelCard.FeatureStatistics"/>, rounded for whole-number
/// fields; categorical: the most common level). Substitutions keep the customer possible: a period's minutes and charge
/// move together (the charge is a fixed rate times the minutes), and dropping the voice-mail plan drops its messages.
/// </summary>
internal static class ReferenceFeatures
{
    /// <summary>A feature of the explanation; <see cref="WithReference"/> is null when the card lacks its statistics.</summary>
    public sealed record Feature(string Name, Func<CustomerRecord, string> Value,
        Func<CustomerRecord, IReadOnlyDictionary<string, FeatureStatistics>, (CustomerRecord Modified, string Reference)?> WithReference);

    public static readonly IReadOnlyList<Feature> All =
    [
        Categorical(nameof(CustomerRecord.State), c => c.State, (c, level) => c with { State = level }),
        Whole(nameof(CustomerRecord.AccountLength), c => c.AccountLength, (c, v) => c with { AccountLength = v }),
        Categorical(nameof(CustomerRecord.AreaCode), c => c.AreaCode.ToString(CultureInfo.InvariantCulture),
            (c, level) => int.TryParse(level, CultureInfo.InvariantCulture, out var a) ? c with { AreaCode = a } : null),
        Categorical(nameof(CustomerRecord.InternationalPlan), c => YesNo(c.InternationalPlan),
            (c, level) => ParseYesNo(level) is { } b ? c with { InternationalPlan = b } : null),
        Categorical(nameof(CustomerRecord.VoiceMailPlan), c => YesNo(c.VoiceMailPlan),
            (c, level) => ParseYesNo(level) is { } b
                ? c with { VoiceMailPlan = b, NumberVmailMessages = b ? c.NumberVmailMessages : 0 }
                : null),
        Whole(nameof(CustomerRecord.NumberVmailMessages), c => c.NumberVmailMessages, (c, v) => c with { NumberVmailMessages = v }),
        Usage("DayUsage", nameof(CustomerRecord.TotalDayMinutes), nameof(CustomerRecord.TotalDayCharge),
            c => (c.TotalDayMinutes, c.TotalDayCharge), (c, m, ch) => c with { TotalDayMinutes = m, TotalDayCharge = ch }),
        Whole(nameof(CustomerRecord.TotalDayCalls), c => c.TotalDayCalls, (c, v) => c with { TotalDayCalls = v }),
        Usage("EveUsage", nameof(CustomerRecord.TotalEveMinutes), nameof(CustomerRecord.TotalEveCharge),
            c => (c.TotalEveMinutes, c.TotalEveCharge), (c, m, ch) => c with { TotalEveMinutes = m, TotalEveCharge = ch }),
        Whole(nameof(CustomerRecord.TotalEveCalls), c => c.TotalEveCalls, (c, v) => c with { TotalEveCalls = v }),
        Usage("NightUsage", nameof(CustomerRecord.TotalNightMinutes), nameof(CustomerRecord.TotalNightCharge),
            c => (c.TotalNightMinutes, c.TotalNightCharge), (c, m, ch) => c with { TotalNightMinutes = m, TotalNightCharge = ch }),
        Whole(nameof(CustomerRecord.TotalNightCalls), c => c.TotalNightCalls, (c, v) => c with { TotalNightCalls = v }),
        Usage("IntlUsage", nameof(CustomerRecord.TotalIntlMinutes), nameof(CustomerRecord.TotalIntlCharge),
            c => (c.TotalIntlMinutes, c.TotalIntlCharge), (c, m, ch) => c with { TotalIntlMinutes = m, TotalIntlCharge = ch }),
        Whole(nameof(CustomerRecord.TotalIntlCalls), c => c.TotalIntlCalls, (c, v) => c with { TotalIntlCalls = v }),
        Whole(nameof(CustomerRecord.CustomerServiceCalls), c => c.CustomerServiceCalls, (c, v) => c with { CustomerServiceCalls = v }),
    ];

    private static Feature Whole(string name, Func<CustomerRecord, int> get, Func<CustomerRecord, int, CustomerRecord> set) =>
        new(name, c => get(c).ToString(CultureInfo.InvariantCulture), (c, stats) =>
        {
            if (!stats.TryGetValue(name, out var s)) return null;
            var median = (int)Math.Round(s.Median, MidpointRounding.AwayFromZero);
            return (set(c, median), median.ToString(CultureInfo.InvariantCulture));
        });

    /// <summary>A period's usage: minutes and charge set to their medians together, shown as "minutes / $charge".</summary>
    private static Feature Usage(string name, string minutesName, string chargeName, Func<CustomerRecord, (double Minutes, double Charge)> get,
        Func<CustomerRecord, double, double, CustomerRecord> set) =>
        new(name, c => Show(get(c)), (c, stats) =>
            stats.TryGetValue(minutesName, out var minutes) && stats.TryGetValue(chargeName, out var charge)
                ? (set(c, minutes.Median, charge.Median), Show((minutes.Median, charge.Median)))
                : null);

    private static string Show((double Minutes, double Charge) usage) =>
        string.Create(CultureInfo.InvariantCulture, $"{usage.Minutes:0.##} min / ${usage.Charge:0.##}");

    private static Feature Categorical(string name, Func<CustomerRecord, string> get, Func<CustomerRecord, string, CustomerRecord?> set) =>
        new(name, get, (c, stats) =>
        {
            if (!stats.TryGetValue(name, out var s) || s.Categories is not { Count: > 0 } levels) return null;
            var mostCommon = levels.MaxBy(l => l.Value).Key;
            return set(c, mostCommon) is { } modified ? (modified, get(modified)) : null;
        });

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static bool? ParseYesNo(string level) => level.Trim().ToLowerInvariant() switch
    {
        "yes" or "true" or "1" => true,
        "no" or "false" or "0" => false,
        _ => null,
    };
}
