using System.Text.Json;
using System.Text.Json.Serialization;
using Churn.Benchmarks.Setup;

namespace Churn.Benchmarks.Api;

/// <summary>
/// POST /api/score bodies with ONE customer each, serialized once before the run so the client spends its CPU on HTTP:
/// distinct jittered test-file customers (features only, as a what-if form sends them).
/// </summary>
public static class ScoreBodies
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[][] Create(int count = 4096) =>
        [.. JitteredCustomers.Create(count, seed: 31).Select(c =>
            JsonSerializer.SerializeToUtf8Bytes(new { customers = new[] { c with { Churn = null } } }, Json))];
}
