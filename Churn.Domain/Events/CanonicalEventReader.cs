using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Churn.Domain.Customers;

namespace Churn.Domain.Events;

/// <summary>
/// Reads the one form every producer of ours writes — <see cref="CustomerEventJson.Serialize"/>'s: exact camelCase names,
/// each once, every member but the label present (schemaVersion too: the serializer reads a missing one as 0, which is
/// refused) and of its JSON type — straight off a <see cref="Utf8JsonReader"/>, without the serializer's
/// metadata-driven converters, which cost the scoring worker more than scoring did (docs/performance.md §16). Anything
/// else it declines (false), and <see cref="CustomerEventJson.TryDeserialize"/> gives the value to the serializer,
/// which accepts the same events and words every refusal: this reader never accepts a value the serializer would
/// refuse, nor reads one differently (tests: CanonicalEventReaderTests). Its token readers are the ones the serializer's
/// converters use (<c>TryGetInt32</c>, <c>TryGetDouble</c>, <c>TryGetDateTimeOffset</c>, <c>GetString</c>).
/// </summary>
internal static class CanonicalEventReader
{
    private static ReadOnlySpan<byte> SchemaVersion => "schemaVersion"u8;
    private static ReadOnlySpan<byte> EventId => "eventId"u8;
    private static ReadOnlySpan<byte> CustomerId => "customerId"u8;
    private static ReadOnlySpan<byte> OccurredAt => "occurredAt"u8;
    private static ReadOnlySpan<byte> Source => "source"u8;
    private static ReadOnlySpan<byte> Customer => "customer"u8;

    /// <summary>The customer's members, in the order <see cref="CustomerEventJson.Serialize"/> writes them.</summary>
    private static readonly byte[][] CustomerMembers =
    [
        "state"u8.ToArray(), "accountLength"u8.ToArray(), "areaCode"u8.ToArray(), "internationalPlan"u8.ToArray(),
        "voiceMailPlan"u8.ToArray(), "numberVmailMessages"u8.ToArray(), "totalDayMinutes"u8.ToArray(),
        "totalDayCalls"u8.ToArray(), "totalDayCharge"u8.ToArray(), "totalEveMinutes"u8.ToArray(),
        "totalEveCalls"u8.ToArray(), "totalEveCharge"u8.ToArray(), "totalNightMinutes"u8.ToArray(),
        "totalNightCalls"u8.ToArray(), "totalNightCharge"u8.ToArray(), "totalIntlMinutes"u8.ToArray(),
        "totalIntlCalls"u8.ToArray(), "totalIntlCharge"u8.ToArray(), "customerServiceCalls"u8.ToArray(),
        "churn"u8.ToArray(),
    ];

    private const int ChurnMember = 19;
    private const int AllRequiredCustomerMembers = (1 << ChurnMember) - 1;

    public static bool TryRead(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out CustomerEvent? customerEvent)
    {
        customerEvent = null;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            int schemaVersion = 0, seen = 0;
            string? eventId = null, customerId = null, source = null;
            DateTimeOffset occurredAt = default;
            CustomerRecord? customer = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int member;
                if (reader.ValueTextEquals(SchemaVersion)) { member = 0; }
                else if (reader.ValueTextEquals(EventId)) { member = 1; }
                else if (reader.ValueTextEquals(CustomerId)) { member = 2; }
                else if (reader.ValueTextEquals(OccurredAt)) { member = 3; }
                else if (reader.ValueTextEquals(Source)) { member = 4; }
                else if (reader.ValueTextEquals(Customer)) { member = 5; }
                else { return false; }
                if ((seen & (1 << member)) != 0 || !reader.Read())
                {
                    return false;
                }
                seen |= 1 << member;
                var read = member switch
                {
                    0 => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out schemaVersion),
                    1 => TryString(ref reader, out eventId),
                    2 => TryString(ref reader, out customerId),
                    3 => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out occurredAt),
                    4 => TryString(ref reader, out source),
                    _ => TryCustomer(ref reader, out customer),
                };
                if (!read)
                {
                    return false;
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || seen != 0b111111 || reader.Read())
            {
                return false;
            }
            customerEvent = new CustomerEvent
            {
                SchemaVersion = schemaVersion, EventId = eventId!, CustomerId = customerId!, OccurredAt = occurredAt,
                Source = source!, Customer = customer!,
            };
            return true;
        }
        catch (JsonException)
        {
            return false; // malformed: the serializer says where
        }
    }

    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    private static bool TryCustomer(ref Utf8JsonReader reader, out CustomerRecord? customer)
    {
        customer = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        string? state = null;
        Span<int> integers = stackalloc int[CustomerMembers.Length];
        Span<double> reals = stackalloc double[CustomerMembers.Length];
        Span<bool> flags = stackalloc bool[CustomerMembers.Length];
        bool? churn = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var member = MemberOf(ref reader);
            if (member < 0 || (seen & (1 << member)) != 0 || !reader.Read())
            {
                return false;
            }
            seen |= 1 << member;
            var read = member switch
            {
                0 => TryString(ref reader, out state),
                3 or 4 => TryFlag(ref reader, out flags[member]),
                6 or 8 or 9 or 11 or 12 or 14 or 15 or 17 =>
                    reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out reals[member]),
                ChurnMember => TryLabel(ref reader, out churn),
                _ => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out integers[member]),
            };
            if (!read)
            {
                return false;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || (seen & AllRequiredCustomerMembers) != AllRequiredCustomerMembers)
        {
            return false;
        }
        customer = new CustomerRecord
        {
            State = state!, AccountLength = integers[1], AreaCode = integers[2], InternationalPlan = flags[3],
            VoiceMailPlan = flags[4], NumberVmailMessages = integers[5], TotalDayMinutes = reals[6],
            TotalDayCalls = integers[7], TotalDayCharge = reals[8], TotalEveMinutes = reals[9], TotalEveCalls = integers[10],
            TotalEveCharge = reals[11], TotalNightMinutes = reals[12], TotalNightCalls = integers[13],
            TotalNightCharge = reals[14], TotalIntlMinutes = reals[15], TotalIntlCalls = integers[16],
            TotalIntlCharge = reals[17], CustomerServiceCalls = integers[18], Churn = churn,
        };
        return true;
    }

    /// <summary>The member the reader's property name is, trying the written order first; -1 for any other name.</summary>
    private static int MemberOf(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < CustomerMembers.Length; i++)
        {
            if (reader.ValueTextEquals(CustomerMembers[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The label: true, false or null (not known).</summary>
    private static bool TryLabel(ref Utf8JsonReader reader, out bool? value)
    {
        value = reader.TokenType switch { JsonTokenType.True => true, JsonTokenType.False => false, _ => null };
        return value is not null || reader.TokenType == JsonTokenType.Null;
    }

    private static bool TryFlag(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }
}
