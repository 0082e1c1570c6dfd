using Churn.Domain.Customers;

namespace Churn.Testing;

/// <summary>Customers for tests, built from one typical BigML-like record; variants by parameter or a <c>with</c> expression.</summary>
public static class TestCustomers
{
    /// <summary>
    /// A typical customer (no plans, 100 days, day charge at the BigML tariff of 0.17 per minute, rounded to the cent), with
    /// the features that drive churn in this data as parameters.
    /// </summary>
    public static CustomerRecord Typical(int serviceCalls = 1, double dayMinutes = 180, bool intlPlan = false, string state = "KS",
        bool? churn = null) => new()
    {
        State = state, AccountLength = 100, AreaCode = 415, InternationalPlan = intlPlan, VoiceMailPlan = false,
        NumberVmailMessages = 0, TotalDayMinutes = dayMinutes, TotalDayCalls = 100, TotalDayCharge = Math.Round(dayMinutes * 0.17, 2),
        TotalEveMinutes = 200, TotalEveCalls = 100, TotalEveCharge = 17.0, TotalNightMinutes = 200, TotalNightCalls = 100,
        TotalNightCharge = 9.0, TotalIntlMinutes = 10, TotalIntlCalls = 4, TotalIntlCharge = 2.7,
        CustomerServiceCalls = serviceCalls, Churn = churn,
    };
}
