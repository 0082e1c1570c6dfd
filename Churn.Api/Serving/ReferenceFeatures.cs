using System.Globalization;

namespace Churn.Api.Serving;

/// <summary>
/// The 19 customer features, each able to show a customer's value and to replace it with its training reference
/// (numeric: the median from <see cref="ModelCard.FeatureStatistics"/>, rounded for whole-number fields;
/// categorical: the most common level).
/// </summary>
internal static class ReferenceFeatures
{
    public sealed record Feature(string Name, Func<CustomerRecord, string> Value,
        Func<CustomerRecord, FeatureStatistics, (CustomerRecord Modified, string Reference)?> WithReference);

    public static readonly IReadOnlyList<Feature> All =
    [
        Categorical(nameof(CustomerRecord.State), c => c.State, (c, level) => c with { State = level }),
        Whole(nameof(CustomerRecord.AccountLength), c => c.AccountLength, (c, v) => c with { AccountLength = v }),
        Categorical(nameof(CustomerRecord.AreaCode), c => c.AreaCode.ToString(CultureInfo.InvariantCulture),
            (c, level) => int.TryParse(level, CultureInfo.InvariantCulture, out var a) ? c with { AreaCode = a } : null),
        Categorical(nameof(CustomerRecord.InternationalPlan), c => YesNo(c.InternationalPlan),
            (c, level) => ParseYesNo(level) is { } b ? c with { InternationalPlan = b } : null),
        Categorical(nameof(CustomerRecord.VoiceMailPlan), c => YesNo(c.VoiceMailPlan),
            (c, level) => ParseYesNo(level) is { } b ? c with { VoiceMailPlan = b } : null),
        Whole(nameof(CustomerRecord.NumberVmailMessages), c => c.NumberVmailMessages, (c, v) => c with { NumberVmailMessages = v }),
        Real(nameof(CustomerRecord.TotalDayMinutes), c => c.TotalDayMinutes, (c, v) => c with { TotalDayMinutes = v }),
        Whole(nameof(CustomerRecord.TotalDayCalls), c => c.TotalDayCalls, (c, v) => c with { TotalDayCalls = v }),
        Real(nameof(CustomerRecord.TotalDayCharge), c => c.TotalDayCharge, (c, v) => c with { TotalDayCharge = v }),
        Real(nameof(CustomerRecord.TotalEveMinutes), c => c.TotalEveMinutes, (c, v) => c with { TotalEveMinutes = v }),
        Whole(nameof(CustomerRecord.TotalEveCalls), c => c.TotalEveCalls, (c, v) => c with { TotalEveCalls = v }),
        Real(nameof(CustomerRecord.TotalEveCharge), c => c.TotalEveCharge, (c, v) => c with { TotalEveCharge = v }),
        Real(nameof(CustomerRecord.TotalNightMinutes), c => c.TotalNightMinutes, (c, v) => c with { TotalNightMinutes = v }),
        Whole(nameof(CustomerRecord.TotalNightCalls), c => c.TotalNightCalls, (c, v) => c with { TotalNightCalls = v }),
        Real(nameof(CustomerRecord.TotalNightCharge), c => c.TotalNightCharge, (c, v) => c with { TotalNightCharge = v }),
        Real(nameof(CustomerRecord.TotalIntlMinutes), c => c.TotalIntlMinutes, (c, v) => c with { TotalIntlMinutes = v }),
        Whole(nameof(CustomerRecord.TotalIntlCalls), c => c.TotalIntlCalls, (c, v) => c with { TotalIntlCalls = v }),
        Real(nameof(CustomerRecord.TotalIntlCharge), c => c.TotalIntlCharge, (c, v) => c with { TotalIntlCharge = v }),
        Whole(nameof(CustomerRecord.CustomerServiceCalls), c => c.CustomerServiceCalls, (c, v) => c with { CustomerServiceCalls = v }),
    ];

    /// <summary>A typical customer: every feature at its reference (what the what-if form starts from).</summary>
    public static CustomerRecord Typical(ModelCard card)
    {
        var c = new CustomerRecord
        {
            State = "", AccountLength = 0, AreaCode = 0, InternationalPlan = false, VoiceMailPlan = false,
            NumberVmailMessages = 0, TotalDayMinutes = 0, TotalDayCalls = 0, TotalDayCharge = 0, TotalEveMinutes = 0,
            TotalEveCalls = 0, TotalEveCharge = 0, TotalNightMinutes = 0, TotalNightCalls = 0, TotalNightCharge = 0,
            TotalIntlMinutes = 0, TotalIntlCalls = 0, TotalIntlCharge = 0, CustomerServiceCalls = 0,
        };
        foreach (var feature in All)
        {
            if (card.FeatureStatistics.TryGetValue(feature.Name, out var stats) && feature.WithReference(c, stats) is { } r)
            {
                c = r.Modified;
            }
        }
        return c;
    }

    private static Feature Whole(string name, Func<CustomerRecord, int> get, Func<CustomerRecord, int, CustomerRecord> set) =>
        new(name, c => get(c).ToString(CultureInfo.InvariantCulture), (c, s) =>
        {
            var median = (int)Math.Round(s.Median, MidpointRounding.AwayFromZero);
            return (set(c, median), median.ToString(CultureInfo.InvariantCulture));
        });

    private static Feature Real(string name, Func<CustomerRecord, double> get, Func<CustomerRecord, double, CustomerRecord> set) =>
        new(name, c => get(c).ToString("0.##", CultureInfo.InvariantCulture),
            (c, s) => (set(c, s.Median), s.Median.ToString("0.##", CultureInfo.InvariantCulture)));

    private static Feature Categorical(string name, Func<CustomerRecord, string> get, Func<CustomerRecord, string, CustomerRecord?> set) =>
        new(name, get, (c, s) =>
        {
            if (s.Categories is not { Count: > 0 } levels) return null;
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
