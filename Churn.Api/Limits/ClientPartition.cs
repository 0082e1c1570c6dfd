using System.Net;
using System.Net.Sockets;
using Churn.Api.Security;

namespace Churn.Api.Limits;

/// <summary>
/// Who a request counts against: the API key's holder when it sends the configured X-Api-Key (a wrong key counts as
/// its address, so guessing keys opens no fresh allowance), else its remote address — an IPv6 client by its /64, the
/// block one host usually gets. Behind a reverse proxy the remote address is the proxy's (all clients would share one
/// partition) unless forwarded headers from known proxies are applied first.
/// </summary>
public readonly record struct ClientPartition(string Key, bool HasApiKey)
{
    private static readonly ClientPartition KeyHolder = new("api-key", HasApiKey: true);

    public static ClientPartition Of(HttpContext context, string? apiKey) =>
        !string.IsNullOrEmpty(apiKey) && context.Request.Headers.TryGetValue(ApiKeyAuthenticationHandler.HeaderName, out var supplied)
            && ApiKeyAuthenticationHandler.Matches(supplied.ToString(), apiKey)
            ? KeyHolder
            : new ClientPartition(AddressKey(context.Connection.RemoteIpAddress), HasApiKey: false);

    private static string AddressKey(IPAddress? address)
    {
        if (address is null) return "address:none"; // no IP transport (tests, sockets): one shared partition
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return $"address:{address}";
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"address:{new IPAddress(bytes)}/64";
    }
}
