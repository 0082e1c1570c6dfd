namespace Churn.Domain.Customers;

/// <summary>
/// One subscriber as the BigML telecom churn data describes it: the 19 usage and plan features and, when the source
/// knows it, the label <see cref="Churn"/>. Column names in CSV files are the BigML ones (see <see cref="CustomerColumns"/>).
/// </summary>
public sealed record CustomerRecord
{
    /// <summary>Two-letter US state code (DC included), upper case.</summary>
    public required string State { get; init; }
    public required int AccountLength { get; init; }
    public required int AreaCode { get; init; }
    public required bool InternationalPlan { get; init; }
    public required bool VoiceMailPlan { get; init; }
    public required int NumberVmailMessages { get; init; }
    public required double TotalDayMinutes { get; init; }
    public required int TotalDayCalls { get; init; }
    public required double TotalDayCharge { get; init; }
    public required double TotalEveMinutes { get; init; }
    public required int TotalEveCalls { get; init; }
    public required double TotalEveCharge { get; init; }
    public required double TotalNightMinutes { get; init; }
    public required int TotalNightCalls { get; init; }
    public required double TotalNightCharge { get; init; }
    public required double TotalIntlMinutes { get; init; }
    public required int TotalIntlCalls { get; init; }
    public required double TotalIntlCharge { get; init; }
    public required int CustomerServiceCalls { get; init; }

    /// <summary>The label: true when the customer left. Null when the source does not know (live events).</summary>
    public bool? Churn { get; init; }
}
