using System.ComponentModel;
using Churn.Domain.Customers;

namespace Churn.Domain.Api;

/// <summary>
/// One customer as clients send it: the 19 BigML features (camelCase C# names). Every feature is nullable here so a
/// missing one is reported by name (400) instead of failing deserialization.
/// </summary>
public sealed record CustomerInput
{
    [Description("Stable customer id (POST /api/customers only); when omitted the customer is named after its event id.")]
    public string? CustomerId { get; init; }
    [Description("The event's id (POST /api/customers only): 1 to 128 of letters, digits and . _ : -, unique within the " +
        "request, not starting with csv- or syn- (the replay's and the generator's ids). Sending the same id again replaces " +
        "that event's prediction instead of adding one. When omitted: derived from the Idempotency-Key and the customer's " +
        "position, or a new api-{UUIDv7} without a key.")]
    public string? EventId { get; init; }
    [Description("Two-letter US state code, e.g. KS.")]
    public string? State { get; init; }
    public int? AccountLength { get; init; }
    public int? AreaCode { get; init; }
    public bool? InternationalPlan { get; init; }
    public bool? VoiceMailPlan { get; init; }
    public int? NumberVmailMessages { get; init; }
    public double? TotalDayMinutes { get; init; }
    public int? TotalDayCalls { get; init; }
    public double? TotalDayCharge { get; init; }
    public double? TotalEveMinutes { get; init; }
    public int? TotalEveCalls { get; init; }
    public double? TotalEveCharge { get; init; }
    public double? TotalNightMinutes { get; init; }
    public int? TotalNightCalls { get; init; }
    public double? TotalNightCharge { get; init; }
    public double? TotalIntlMinutes { get; init; }
    public int? TotalIntlCalls { get; init; }
    public double? TotalIntlCharge { get; init; }
    public int? CustomerServiceCalls { get; init; }
    [Description("The actual label when known (true: the customer left).")]
    public bool? Churn { get; init; }

    public static CustomerInput From(CustomerRecord c, string? customerId = null, string? eventId = null) => new()
    {
        CustomerId = customerId, EventId = eventId, State = c.State, AccountLength = c.AccountLength, AreaCode = c.AreaCode,
        InternationalPlan = c.InternationalPlan, VoiceMailPlan = c.VoiceMailPlan, NumberVmailMessages = c.NumberVmailMessages,
        TotalDayMinutes = c.TotalDayMinutes, TotalDayCalls = c.TotalDayCalls, TotalDayCharge = c.TotalDayCharge,
        TotalEveMinutes = c.TotalEveMinutes, TotalEveCalls = c.TotalEveCalls, TotalEveCharge = c.TotalEveCharge,
        TotalNightMinutes = c.TotalNightMinutes, TotalNightCalls = c.TotalNightCalls, TotalNightCharge = c.TotalNightCharge,
        TotalIntlMinutes = c.TotalIntlMinutes, TotalIntlCalls = c.TotalIntlCalls, TotalIntlCharge = c.TotalIntlCharge,
        CustomerServiceCalls = c.CustomerServiceCalls, Churn = c.Churn,
    };
}
