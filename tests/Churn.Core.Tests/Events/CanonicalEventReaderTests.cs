using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Churn.Core.Tests.Doubles;
using Churn.Domain.Events;
using Churn.Testing;

namespace Churn.Core.Tests.Events;

/// <summary>
/// The fast reader of the wire format may decline anything, but what it accepts it must read exactly as the serializer
/// does, and it must never accept what the serializer refuses: the contract of the customers topic does not change.
/// </summary>
public sealed class CanonicalEventReaderTests
{
    private static readonly string Canonical = Encoding.UTF8.GetString(CustomerEventJson.Serialize(TestEvents.Event("e-1")));

    /// <summary>Values a producer could send, each a small change to the canonical form.</summary>
    public static TheoryData<string, string> Variants() => new()
    {
        { "canonical", Canonical },
        { "labelled churner", Canonical.Replace("\"churn\":null", "\"churn\":true") },
        { "labelled stayer", Canonical.Replace("\"churn\":null", "\"churn\":false") },
        { "no label member", Canonical.Replace(",\"churn\":null", "") },
        { "no schemaVersion member", Canonical.Replace("\"schemaVersion\":1,", "") },
        { "members in another order", Reordered() },
        { "escaped characters in a string", Canonical.Replace("\"cust-e-1\"", "\"cust-\\u0065-1\"") },
        { "whitespace between tokens", Canonical.Replace(",", " ,\n ").Replace(":", " : ") },
        { "PascalCase names (the serializer ignores case)", Canonical.Replace("\"eventId\"", "\"EventId\"") },
        { "an unknown member", Canonical.Replace("{\"schemaVersion\"", "{\"extra\":[1,2],\"schemaVersion\"") },
        { "a member twice", Canonical.Replace("\"source\":\"test\"", "\"source\":\"test\",\"source\":\"again\"") },
        { "schemaVersion 2", Canonical.Replace("\"schemaVersion\":1", "\"schemaVersion\":2") },
        { "no customerId", Canonical.Replace("\"customerId\":\"cust-e-1\",", "") },
        { "no customer", Canonical[..Canonical.IndexOf(",\"customer\":", StringComparison.Ordinal)] + "}" },
        { "customer null", Canonical[..Canonical.IndexOf(",\"customer\":", StringComparison.Ordinal)] + ",\"customer\":null}" },
        { "state null", Canonical.Replace("\"state\":\"KS\"", "\"state\":null") },
        { "no state", Canonical.Replace("\"state\":\"KS\",", "") },
        { "a fraction where an integer goes", WithValue("totalDayCalls", "100.5") },
        { "a number as a string", WithValue("totalDayMinutes", "\"180.5\"") },
        { "a plan as a number", Canonical.Replace("\"voiceMailPlan\":false", "\"voiceMailPlan\":0") },
        { "a label as a string", Canonical.Replace("\"churn\":null", "\"churn\":\"yes\"") },
        { "occurredAt not a date", Canonical.Replace("\"occurredAt\":\"", "\"occurredAt\":\"yesterday ") },
        { "trailing content", Canonical + " {}" },
        { "truncated", Canonical[..^3] },
        { "an array", "[" + Canonical + "]" },
        { "JSON null", "null" },
        { "a trailing comma", Canonical[..^2] + ",}}" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void What_it_accepts_the_serializer_reads_the_same_and_the_outcome_of_a_read_is_the_serializers(string variant, string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var serializer = SerializerReads(utf8);

        if (CanonicalEventReader.TryRead(utf8, out var fast))
        {
            Assert.True(serializer is not null, $"{variant}: accepted a value the serializer refuses");
            Assert.Equal(serializer, fast);
        }
        var accepted = CustomerEventJson.TryDeserialize(utf8, out var read, out var reason);
        var expected = serializer is { SchemaVersion: CustomerEvent.CurrentSchemaVersion };
        Assert.True(accepted == expected, $"{variant}: TryDeserialize {(accepted ? "accepted" : $"refused ({reason})")}");
        Assert.Equal(expected ? serializer : null, read);
    }

    [Fact]
    public void The_form_our_producers_write_is_read_by_the_fast_reader_for_every_kind_of_customer()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var customer = TestCustomers.Typical() with
            {
                State = i % 2 == 0 ? "NY" : "CA", AccountLength = random.Next(1, 240),
                InternationalPlan = random.Next(2) == 0, VoiceMailPlan = random.Next(2) == 0,
                NumberVmailMessages = random.Next(0, 50), TotalDayMinutes = Math.Round(random.NextDouble() * 350, 1),
                TotalDayCharge = Math.Round(random.NextDouble() * 60, 2), TotalIntlMinutes = random.Next(0, 20),
                Churn = (i % 3) switch { 0 => null, 1 => true, _ => false },
            };
            var utf8 = CustomerEventJson.Serialize(TestEvents.Event($"e-{i}", customer));

            Assert.True(CanonicalEventReader.TryRead(utf8, out var fast), Encoding.UTF8.GetString(utf8));
            Assert.Equal(SerializerReads(utf8), fast);
        }
    }

    private static CustomerEvent? SerializerReads(byte[] utf8)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, CustomerEventJsonContext.Default.CustomerEvent);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The canonical form with one customer member's value replaced by <paramref name="value"/> (raw JSON).</summary>
    private static string WithValue(string member, string value)
    {
        var replaced = Regex.Replace(Canonical, $"\"{member}\":[^,}}]+", $"\"{member}\":{value}");
        return replaced != Canonical ? replaced : throw new InvalidOperationException($"the canonical form has no member {member}");
    }

    private static string Reordered()
    {
        using var document = JsonDocument.Parse(Canonical);
        var members = document.RootElement.EnumerateObject().Reverse().Select(m => $"\"{m.Name}\":{m.Value.GetRawText()}");
        return "{" + string.Join(",", members) + "}";
    }
}
