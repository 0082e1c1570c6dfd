using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Churn.Api.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> header of POST /api/customers (draft-ietf-httpapi-idempotency-key-header): 1 to 128 visible
/// ASCII characters, bare or as a structured-field string in double quotes (<c>"8e03…"</c>; the quotes are not part of
/// the key). The customers' event ids derive from it: <c>api-{first 32 hex digits of SHA-256(key)}-{position}</c>, inside
/// the id alphabet whatever the key holds, and the same on every retry, on every replica, after a restart.
/// </summary>
public sealed record IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxLength = 128;

    /// <summary>What a valid key is, as the 400 says it.</summary>
    public static readonly string Rule = $"Must be 1 to {MaxLength} visible ASCII characters (no space, '\"' or '\\'), optionally in double quotes.";

    private readonly string eventIdPrefix;

    private IdempotencyKey(string value)
    {
        Value = value;
        eventIdPrefix = $"api-{Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(value)), 0, 16)}-";
    }

    public string Value { get; }

    /// <summary>The event id of the customer at <paramref name="position"/> (0-based) of a request under this key.</summary>
    public string EventIdAt(int position) => eventIdPrefix + position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads the header: no header is no key (true, null); one valid value is the key; anything else (empty, too long,
    /// outside visible ASCII, unbalanced quotes, the header twice) is false with <see cref="Rule"/>.
    /// </summary>
    public static bool TryRead(StringValues header, out IdempotencyKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        error = null;
        if (header.Count == 0) return true;
        var text = header.Count == 1 ? header[0] ?? "" : "";
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"') text = text[1..^1];
        if (text.Length is 0 or > MaxLength || !text.All(IsKeyCharacter))
        {
            error = header.Count > 1 ? $"Give the header once; {Rule}" : Rule;
            return false;
        }
        key = new IdempotencyKey(text);
        return true;
    }

    private static bool IsKeyCharacter(char c) => c is >= '!' and <= '~' and not '"' and not '\\';
}
