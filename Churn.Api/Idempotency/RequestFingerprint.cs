using System.Security.Cryptography;
using System.Text.Json;

namespace Churn.Api.Idempotency;

/// <summary>
/// What makes two POST /api/customers bodies the same request: the SHA-256 of the parsed body serialized again, so
/// whitespace, member order and number spelling do not matter, and every value (ids included) does.
/// </summary>
public static class RequestFingerprint
{
    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    public static string Of(CustomerBatchRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, Canonical)));
}
