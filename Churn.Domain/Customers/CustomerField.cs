namespace Churn.Domain.Customers;

/// <summary>The 20 BigML columns in file order: the 19 features, then the optional label <see cref="Churn"/>.</summary>
public enum CustomerField
{
    State,
    AccountLength,
    AreaCode,
    InternationalPlan,
    VoiceMailPlan,
    NumberVmailMessages,
    TotalDayMinutes,
    TotalDayCalls,
    TotalDayCharge,
    TotalEveMinutes,
    TotalEveCalls,
    TotalEveCharge,
    TotalNightMinutes,
    TotalNightCalls,
    TotalNightCharge,
    TotalIntlMinutes,
    TotalIntlCalls,
    TotalIntlCharge,
    CustomerServiceCalls,
    Churn,
}
