using System.Globalization;

namespace Churn.Benchmarks.Setup;

/// <summary><c>--name value</c> pairs of a load command; unknown or malformed options fail with a precise message.</summary>
public sealed class LoadOptions(Dictionary<string, string> values)
{
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"expected '--option value' pairs, got '{string.Join(' ', args)}'");
            }
            values[args[i]] = args[i + 1];
        }
        return new LoadOptions(values);
    }

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v)
        ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n : throw new ArgumentException($"{name} must be a non-negative integer, not '{v}'")
        : fallback;

    public double Double(string name, double fallback) => values.TryGetValue(name, out var v)
        ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n : throw new ArgumentException($"{name} must be a non-negative number, not '{v}'")
        : fallback;

    public string String(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"{name} is required");
}
