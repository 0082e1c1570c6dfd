using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Churn.Domain.Models;

namespace Churn.Web.Pages;

/// <summary>The what-if form: the 19 customer features. Browser-side limits are hints; the Api's validation is the rule.</summary>
public sealed class WhatIfInput
{
    [Required, RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Use a two-letter state code, e.g. KS."), Display(Name = "State")]
    public string? State { get; set; }
    [Required, Range(0, 10_000), Display(Name = "Account length (days)")] public int? AccountLength { get; set; }
    [Required, Range(100, 999), Display(Name = "Area code")] public int? AreaCode { get; set; }
    [Display(Name = "International plan")] public bool InternationalPlan { get; set; }
    [Display(Name = "Voice mail plan")] public bool VoiceMailPlan { get; set; }
    [Required, Range(0, 1_000), Display(Name = "Voice mail messages")] public int? NumberVmailMessages { get; set; }
    [Required, Range(0, 2_000), Display(Name = "Day minutes")] public double? TotalDayMinutes { get; set; }
    [Required, Range(0, 1_000), Display(Name = "Day calls")] public int? TotalDayCalls { get; set; }
    [Required, Range(0, 1_000), Display(Name = "Day charge")] public double? TotalDayCharge { get; set; }
    [Required, Range(0, 2_000), Display(Name = "Evening minutes")] public double? TotalEveMinutes { get; set; }
    [Required, Range(0, 1_000), Display(Name = "Evening calls")] public int? TotalEveCalls { get; set; }
    [Required, Range(0, 1_000), Display(Name = "Evening charge")] public double? TotalEveCharge { get; set; }
    [Required, Range(0, 2_000), Display(Name = "Night minutes")] public double? TotalNightMinutes { get; set; }
    [Required, Range(0, 1_000), Display(Name = "Night calls")] public int? TotalNightCalls { get; set; }
    [Required, Range(0, 1_000), Display(Name = "Night charge")] public double? TotalNightCharge { get; set; }
    [Required, Range(0, 1_000), Display(Name = "International minutes")] public double? TotalIntlMinutes { get; set; }
    [Required, Range(0, 1_000), Display(Name = "International calls")] public int? TotalIntlCalls { get; set; }
    [Required, Range(0, 1_000), Display(Name = "International charge")] public double? TotalIntlCharge { get; set; }
    [Required, Range(0, 100), Display(Name = "Customer service calls")] public int? CustomerServiceCalls { get; set; }

    /// <summary>A typical customer: each feature at its training median, categorical ones at their most common level.</summary>
    public static WhatIfInput Typical(ModelCard card)
    {
        var s = card.FeatureStatistics;
        double Median(string name) => s.TryGetValue(name, out var f) ? Math.Round(f.Median, 2) : 0;
        int Whole(string name) => (int)Math.Round(Median(name), MidpointRounding.AwayFromZero);
        string? Common(string name) => s.TryGetValue(name, out var f) && f.Categories is { Count: > 0 } c ? c.MaxBy(l => l.Value).Key : null;
        bool Yes(string name) => Common(name)?.Trim().ToLowerInvariant() is "yes" or "true" or "1";
        return new WhatIfInput
        {
            State = Common("State") ?? "WV",
            AccountLength = Whole("AccountLength"),
            AreaCode = int.TryParse(Common("AreaCode"), CultureInfo.InvariantCulture, out var area) ? area : 415,
            InternationalPlan = Yes("InternationalPlan"), VoiceMailPlan = Yes("VoiceMailPlan"),
            NumberVmailMessages = Whole("NumberVmailMessages"),
            TotalDayMinutes = Median("TotalDayMinutes"), TotalDayCalls = Whole("TotalDayCalls"), TotalDayCharge = Median("TotalDayCharge"),
            TotalEveMinutes = Median("TotalEveMinutes"), TotalEveCalls = Whole("TotalEveCalls"), TotalEveCharge = Median("TotalEveCharge"),
            TotalNightMinutes = Median("TotalNightMinutes"), TotalNightCalls = Whole("TotalNightCalls"), TotalNightCharge = Median("TotalNightCharge"),
            TotalIntlMinutes = Median("TotalIntlMinutes"), TotalIntlCalls = Whole("TotalIntlCalls"), TotalIntlCharge = Median("TotalIntlCharge"),
            CustomerServiceCalls = Whole("CustomerServiceCalls"),
        };
    }

    /// <summary>The JSON body the Api expects for one customer (camelCase properties).</summary>
    public object ToApiCustomer() => new
    {
        state = State?.Trim().ToUpperInvariant(), accountLength = AccountLength, areaCode = AreaCode,
        internationalPlan = InternationalPlan, voiceMailPlan = VoiceMailPlan, numberVmailMessages = NumberVmailMessages,
        totalDayMinutes = TotalDayMinutes, totalDayCalls = TotalDayCalls, totalDayCharge = TotalDayCharge,
        totalEveMinutes = TotalEveMinutes, totalEveCalls = TotalEveCalls, totalEveCharge = TotalEveCharge,
        totalNightMinutes = TotalNightMinutes, totalNightCalls = TotalNightCalls, totalNightCharge = TotalNightCharge,
        totalIntlMinutes = TotalIntlMinutes, totalIntlCalls = TotalIntlCalls, totalIntlCharge = TotalIntlCharge,
        customerServiceCalls = CustomerServiceCalls,
    };

    public static readonly IReadOnlyList<string> FieldOrder =
    [
        nameof(State), nameof(AreaCode), nameof(AccountLength), nameof(InternationalPlan), nameof(VoiceMailPlan), nameof(NumberVmailMessages),
        nameof(TotalDayMinutes), nameof(TotalDayCalls), nameof(TotalDayCharge), nameof(TotalEveMinutes), nameof(TotalEveCalls),
        nameof(TotalEveCharge), nameof(TotalNightMinutes), nameof(TotalNightCalls), nameof(TotalNightCharge), nameof(TotalIntlMinutes),
        nameof(TotalIntlCalls), nameof(TotalIntlCharge), nameof(CustomerServiceCalls),
    ];
}
