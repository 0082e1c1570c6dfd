using Churn.Core.Customers;

namespace Churn.Core.Features;

/// <summary>
/// The one feature builder, used by the Trainer and by every scorer: turns a customer into the float vector that is the
/// ONNX model's single input. Keeping it in C# (not in the ML.NET pipeline) keeps the graph exportable and the input a
/// plain tensor. The exact set is chosen by the Trainer's experiments (see docs/model.md).
/// </summary>
public static class ChurnFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "InternationalPlan", "VoiceMailPlan", "AccountLength", "NumberVmailMessages",
        "TotalDayMinutes", "TotalDayCalls", "TotalEveMinutes", "TotalEveCalls",
        "TotalNightMinutes", "TotalNightCalls", "TotalIntlMinutes", "TotalIntlCalls", "CustomerServiceCalls",
        "TotalCharge", "TotalMinutes", "TotalCalls", "ManyServiceCalls",
    ];

    public static int Count => Names.Count;

    /// <summary>Writes the features of <paramref name="c"/> into <paramref name="destination"/> (length <see cref="Count"/>).</summary>
    public static void Write(CustomerRecord c, Span<float> destination)
    {
        destination[0] = c.InternationalPlan ? 1f : 0f;
        destination[1] = c.VoiceMailPlan ? 1f : 0f;
        destination[2] = c.AccountLength;
        destination[3] = c.NumberVmailMessages;
        destination[4] = (float)c.TotalDayMinutes;
        destination[5] = c.TotalDayCalls;
        destination[6] = (float)c.TotalEveMinutes;
        destination[7] = c.TotalEveCalls;
        destination[8] = (float)c.TotalNightMinutes;
        destination[9] = c.TotalNightCalls;
        destination[10] = (float)c.TotalIntlMinutes;
        destination[11] = c.TotalIntlCalls;
        destination[12] = c.CustomerServiceCalls;
        destination[13] = (float)(c.TotalDayCharge + c.TotalEveCharge + c.TotalNightCharge + c.TotalIntlCharge);
        destination[14] = (float)(c.TotalDayMinutes + c.TotalEveMinutes + c.TotalNightMinutes + c.TotalIntlMinutes);
        destination[15] = c.TotalDayCalls + c.TotalEveCalls + c.TotalNightCalls + c.TotalIntlCalls;
        destination[16] = c.CustomerServiceCalls >= 4 ? 1f : 0f;
    }

    public static float[] Build(CustomerRecord c)
    {
        var features = new float[Count];
        Write(c, features);
        return features;
    }
}
