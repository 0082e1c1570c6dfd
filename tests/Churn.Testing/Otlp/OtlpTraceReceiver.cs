using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Churn.Testing.Otlp;

/// <summary>
/// An OTLP/HTTP (protobuf) trace receiver for tests: point a service's OTEL_EXPORTER_OTLP_ENDPOINT at
/// <see cref="Endpoint"/> with OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf and read what it exported from <see cref="Spans"/>.
/// Bodies are decoded by Google.Protobuf with the OTLP messages compiled from Otlp/Proto.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<OtlpSpan> spans = new();
    private readonly Task loop;

    public OtlpTraceReceiver()
    {
        Endpoint = $"http://127.0.0.1:{FreePort()}";
        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        loop = Task.Run(ReceiveAsync);
    }

    public string Endpoint { get; }

    public IReadOnlyCollection<OtlpSpan> Spans => spans;

    private async Task ReceiveAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (context.Request.Url?.AbsolutePath == "/v1/traces")
            {
                foreach (var span in OtlpSpan.ParseExport(body.ToArray()))
                {
                    spans.Enqueue(span);
                }
            }

            // An empty body is an empty ExportTraceServiceResponse: every span accepted.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
