using Churn.Domain.Customers;

namespace Churn.Domain.Features;

/// <summary>
/// The one feature builder, used by the Trainer and by every scorer: turns a customer into the float vector that is the
/// ONNX model's single input. Keeping it in C# (not in the ML.NET pipeline) keeps the graph exportable and the input a
/// plain tensor. The set was chosen by cross-validation on the training file (see docs/model.md).
/// </summary>
public static class ChurnFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "InternationalPlan", "VoiceMailPlan", "AccountLength", "NumberVmailMessages",
        "TotalDayMinutes", "TotalDayCalls", "TotalEveMinutes", "TotalEveCalls",
        "TotalNightMinutes", "TotalNightCalls", "TotalIntlMinutes", "TotalIntlCalls", "CustomerServiceCalls",
        "TotalCharge", "TotalMinutes", "TotalCalls", "ManyServiceCalls",
        "InternationalRisk", "TotalChargeWithoutVoiceMail", "ChargePerMinute",
    ];

    public static int Count => Names.Count;

    /// <summary>Writes the features of <paramref name="c"/> into <paramref name="destination"/> (length <see cref="Count"/>).</summary>
    /// <remarks>
    /// State, area code and the four charge columns are not features: the charges are fixed rates times minutes (they
    /// only enter through their sum) and state/area code did not help in cross-validation. Sums are taken in float, in a
    /// fixed order, so the Trainer and every scorer compute bit-identical inputs.
    /// </remarks>
    public static void Write(CustomerRecord c, Span<float> destination)
    {
        float dayMinutes = (float)c.TotalDayMinutes, eveMinutes = (float)c.TotalEveMinutes;
        float nightMinutes = (float)c.TotalNightMinutes, intlMinutes = (float)c.TotalIntlMinutes;
        var totalCharge = (float)c.TotalDayCharge + (float)c.TotalEveCharge + (float)c.TotalNightCharge + (float)c.TotalIntlCharge;
        var totalMinutes = dayMinutes + eveMinutes + nightMinutes + intlMinutes;

        destination[0] = Flag(c.InternationalPlan);
        destination[1] = Flag(c.VoiceMailPlan);
        destination[2] = c.AccountLength;
        destination[3] = c.NumberVmailMessages;
        destination[4] = dayMinutes;
        destination[5] = c.TotalDayCalls;
        destination[6] = eveMinutes;
        destination[7] = c.TotalEveCalls;
        destination[8] = nightMinutes;
        destination[9] = c.TotalNightCalls;
        destination[10] = intlMinutes;
        destination[11] = c.TotalIntlCalls;
        destination[12] = c.CustomerServiceCalls;
        // What a telecom analyst computes: the whole bill, whole usage, heavy service contact, …
        destination[13] = totalCharge;
        destination[14] = totalMinutes;
        destination[15] = c.TotalDayCalls + c.TotalEveCalls + c.TotalNightCalls + c.TotalIntlCalls;
        destination[16] = Flag(c.CustomerServiceCalls >= 4);
        // … and interactions linear learners cannot find alone: an international plan used heavily or barely,
        // the bill of customers without the voice-mail bundle, and the average price paid per minute.
        destination[17] = Flag(c.InternationalPlan && (intlMinutes > 13f || c.TotalIntlCalls < 3));
        destination[18] = c.VoiceMailPlan ? 0f : totalCharge;
        destination[19] = totalCharge / MathF.Max(totalMinutes, 1f);
    }

    public static float[] Build(CustomerRecord c)
    {
        var features = new float[Count];
        Write(c, features);
        return features;
    }

    private static float Flag(bool value) => value ? 1f : 0f;
}
