using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Churn.Api.Tests;

/// <summary>
/// TestServer has no network, so every request arrives without a remote address. Tests that need several clients
/// (rate limits are per client) name the address a request comes from in <see cref="HeaderName"/>; this startup filter,
/// installed by the test factories only, puts it on the connection before the Api's own middleware runs.
/// </summary>
internal static class ClientAddress
{
    public const string HeaderName = "X-Test-Remote-Address";

    public sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(HeaderName, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
