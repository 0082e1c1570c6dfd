using System.Globalization;
using Churn.Domain.Customers;

namespace Churn.Domain.Models;

/// <summary>
/// The 19 customer fields of <see cref="ModelCard.FeatureStatistics"/>, keyed by C# property name, and how each value or
/// level is read from a record. The Trainer computes the statistics with these and the drift monitor counts live records
/// with the same ones, so a level is named alike on both sides ("yes"/"no" for the plans, the area code as digits).
/// </summary>
public static class StatisticsFields
{
    public const string NumericKind = "numeric";
    public const string CategoricalKind = "categorical";

    public static readonly IReadOnlyList<NumericField> Numeric =
    [
        new(nameof(CustomerRecord.AccountLength), c => c.AccountLength),
        new(nameof(CustomerRecord.NumberVmailMessages), c => c.NumberVmailMessages),
        new(nameof(CustomerRecord.TotalDayMinutes), c => c.TotalDayMinutes),
        new(nameof(CustomerRecord.TotalDayCalls), c => c.TotalDayCalls),
        new(nameof(CustomerRecord.TotalDayCharge), c => c.TotalDayCharge),
        new(nameof(CustomerRecord.TotalEveMinutes), c => c.TotalEveMinutes),
        new(nameof(CustomerRecord.TotalEveCalls), c => c.TotalEveCalls),
        new(nameof(CustomerRecord.TotalEveCharge), c => c.TotalEveCharge),
        new(nameof(CustomerRecord.TotalNightMinutes), c => c.TotalNightMinutes),
        new(nameof(CustomerRecord.TotalNightCalls), c => c.TotalNightCalls),
        new(nameof(CustomerRecord.TotalNightCharge), c => c.TotalNightCharge),
        new(nameof(CustomerRecord.TotalIntlMinutes), c => c.TotalIntlMinutes),
        new(nameof(CustomerRecord.TotalIntlCalls), c => c.TotalIntlCalls),
        new(nameof(CustomerRecord.TotalIntlCharge), c => c.TotalIntlCharge),
        new(nameof(CustomerRecord.CustomerServiceCalls), c => c.CustomerServiceCalls),
    ];

    public static readonly IReadOnlyList<CategoricalField> Categorical =
    [
        new(nameof(CustomerRecord.State), c => c.State),
        new(nameof(CustomerRecord.AreaCode), c => c.AreaCode.ToString(CultureInfo.InvariantCulture)),
        new(nameof(CustomerRecord.InternationalPlan), c => c.InternationalPlan ? "yes" : "no"),
        new(nameof(CustomerRecord.VoiceMailPlan), c => c.VoiceMailPlan ? "yes" : "no"),
    ];
}
