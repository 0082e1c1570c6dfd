using System.Net;

namespace Churn.Benchmarks.Api;

/// <summary>The load generator's HttpClient: HTTP/1.1 keep-alive, as many connections as outstanding requests.</summary>
public static class ApiLoadClient
{
    public static HttpClient Create(Uri baseAddress, TimeSpan timeout) => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = int.MaxValue,
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
        UseCookies = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = timeout,
        DefaultRequestVersion = HttpVersion.Version11,
    };

    /// <summary>Only loopback targets: the command must never load someone else's server.</summary>
    public static Uri Loopback(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--url must be an absolute http(s) URL, not '{url}'");
        }
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        return loopback ? uri : throw new ArgumentException($"--url must point at loopback (127.0.0.1, ::1, localhost), not '{uri.Host}'");
    }
}
