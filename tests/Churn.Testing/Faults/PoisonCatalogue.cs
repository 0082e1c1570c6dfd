using System.Text;
using Churn.Core.Transport;
using Churn.Domain.Events;

namespace Churn.Testing.Faults;

/// <summary>
/// Every class of bad record the scoring worker must dead-letter without stopping: broken JSON, JSON that is not an
/// event, events that break the contract, hostile and oversized values. Each is built from a valid event so that only
/// the one defect makes it poison.
/// </summary>
public static class PoisonCatalogue
{
    public const string Deserialization = "deserialization failed";
    public const string InvalidEvent = "invalid event";
    public const string Oversized = "oversized record";

    public static readonly IReadOnlyList<PoisonEntry> Entries =
    [
        Raw("not JSON", Deserialization, _ => "this is not json"),
        Raw("JSON null", Deserialization, _ => "null"),
        Raw("JSON of the wrong shape", Deserialization, _ => """{"schemaVersion":1,"eventId":"x"}"""),
        Raw("unknown schemaVersion", Deserialization, n => Json(n).Replace("\"schemaVersion\":1", "\"schemaVersion\":2")),
        Raw("null for a required member", Deserialization, n => Json(n).Replace($"\"source\":\"fault-suite\"", "\"source\":null")),
        Raw("a number as a string", Deserialization, n => Json(n).Replace("\"accountLength\":", "\"accountLength\":\"").Replace(",\"areaCode\"", "\",\"areaCode\"")),
        Raw("NaN as a string", Deserialization, n => Json(n).Replace("\"totalDayMinutes\":", "\"totalDayMinutes\":\"NaN\",\"x\":")),
        Raw("deeply nested JSON", Deserialization, _ => new string('[', 5_000) + new string(']', 5_000)),
        Raw("truncated JSON", Deserialization, n => Json(n)[..40]),
        Raw("a negative count", InvalidEvent, n => Json(n).Replace("\"totalDayCalls\":", "\"totalDayCalls\":-")),
        Raw("an area code out of range", InvalidEvent, n => Json(n).Replace("\"areaCode\":415", "\"areaCode\":42")),
        Raw("a lower-case state", InvalidEvent, n => Json(n).Replace("\"state\":\"KS\"", "\"state\":\"ks\"")),
        Raw("a hostile customer id", InvalidEvent, n => Json(n).Replace($"\"customerId\":\"poison-{n}\"", "\"customerId\":\"<img src=x onerror=alert(1)>\\r\\n\"")),
        Raw("an oversized value", Oversized, n => Json(n).Replace("\"source\":\"fault-suite\"", $"\"source\":\"fault-suite\",\"padding\":\"{new string('x', 100_000)}\"")),
    ];

    private static PoisonEntry Raw(string name, string kind, Func<int, string> value) =>
        new(name, kind, n => new EventMessage($"poison-{n}", Encoding.UTF8.GetBytes(value(n)),
            [new(EventHeaders.ContentType, "application/json"u8.ToArray())]));

    /// <summary>A valid event's JSON, the base every defect is applied to.</summary>
    private static string Json(int n) => Encoding.UTF8.GetString(CustomerEventJson.Serialize(new CustomerEvent
    {
        EventId = $"poison-{n}", CustomerId = $"poison-{n}", OccurredAt = DateTimeOffset.UtcNow, Source = "fault-suite",
        Customer = TestCustomers.Typical() with { AreaCode = 415, State = "KS" },
    }));
}
