using System.Collections.Frozen;

namespace Churn.Domain.Customers;

/// <summary>The 50 US state codes plus DC, looked up case-insensitively without allocating.</summary>
internal static class UsStates
{
    private static readonly FrozenSet<string> Codes = new[]
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
        "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
        "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Codes.GetAlternateLookup<ReadOnlySpan<char>>();

    public static int Count => Codes.Count;

    /// <summary>The canonical upper-case code for <paramref name="text"/>, any case.</summary>
    public static bool TryGet(ReadOnlySpan<char> text, out string code)
    {
        if (BySpan.TryGetValue(text, out var found))
        {
            code = found;
            return true;
        }
        code = "";
        return false;
    }
}
