using Churn.Domain.Customers;

namespace Churn.Api.Tests;

/// <summary>The test file with every customer's day minutes and day charge 30 % higher: heavier daytime use, same tariff.</summary>
public sealed class ShiftedStreamApiFactory : MonitoringApiFactory
{
    public static CustomerRecord DayMinutesUp30Percent(CustomerRecord c) =>
        c with { TotalDayMinutes = Math.Round(c.TotalDayMinutes * 1.3, 1), TotalDayCharge = Math.Round(c.TotalDayCharge * 1.3, 2) };

    protected override Func<CustomerRecord, CustomerRecord>? Shift => DayMinutesUp30Percent;
}
