using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Churn.Domain.Predictions;

namespace Churn.Web.Services;

/// <summary>
/// ONE stream from the Api (GET /api/predictions/stream, every band) shared by all the browsers watching this Web:
/// opened when the first browser subscribes, closed when the last one leaves, reopened after a pause (1 s, doubling to
/// 10 s) when it breaks or the Api refuses it. Each browser has its own bounded queue and band filter: a stalled browser
/// loses its oldest predictions, never slows the others or the upstream reader.
/// </summary>
public sealed partial class LiveFeedHub(IHttpClientFactory clients, ILogger<LiveFeedHub> logger) : BackgroundService
{
    public const int BrowserCapacity = 1_000;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<Channel<string>, RiskBand?> browsers = new();
    private TaskCompletionSource firstBrowser = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? upstream;

    public int BrowserCount => browsers.Count;

    /// <summary>The JSON of every prediction (of <paramref name="band"/>, when given) relayed from now on, until <paramref name="cancellationToken"/>.</summary>
    public async IAsyncEnumerable<string> SubscribeAsync(RiskBand? band, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(BrowserCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
        });
        lock (gate)
        {
            browsers[channel] = band;
            firstBrowser.TrySetResult();
        }
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var prediction)) yield return prediction;
            }
        }
        finally
        {
            lock (gate)
            {
                browsers.TryRemove(channel, out _);
                if (browsers.IsEmpty) upstream?.Cancel(); // nobody watches: free the Api's stream slot
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            var connection = await NextConnectionAsync(stoppingToken).ConfigureAwait(false);
            try
            {
                await RelayAsync(connection.Token).ConfigureAwait(false);
                retry = FirstRetry; // the Api ended the stream (it stops): reconnect after the first pause
            }
            catch (OperationCanceledException) when (connection.IsCancellationRequested)
            {
                if (stoppingToken.IsCancellationRequested) return;
                continue; // the last browser left
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogUpstreamFailed(ex, retry); // refused (429), unreachable, cut off: try again, never stop the Web
            }
            finally
            {
                lock (gate)
                {
                    upstream = null;
                }
                connection.Dispose();
            }
            await Task.Delay(retry, stoppingToken).ConfigureAwait(false);
            retry = retry * 2 < MaxRetry ? retry * 2 : MaxRetry;
        }
    }

    /// <summary>Waits for a browser, then a token that fires when the last one leaves or the Web stops.</summary>
    private async Task<CancellationTokenSource> NextConnectionAsync(CancellationToken stoppingToken)
    {
        Task waiting;
        lock (gate)
        {
            if (browsers.IsEmpty && firstBrowser.Task.IsCompleted) firstBrowser = new(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting = firstBrowser.Task;
        }
        await waiting.WaitAsync(stoppingToken).ConfigureAwait(false);
        lock (gate)
        {
            upstream = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            if (browsers.IsEmpty) upstream.Cancel();
            return upstream;
        }
    }

    private async Task RelayAsync(CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(LiveFeedProxy.ClientName);
        using var response = await http.GetAsync("api/predictions/stream", HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        LogUpstreamOpen(browsers.Count);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.EventType != "prediction") continue;
            var band = BandOf(item.Data);
            foreach (var (browser, wanted) in browsers)
            {
                if (wanted is null || wanted == band) browser.Writer.TryWrite(item.Data);
            }
        }
    }

    private static RiskBand? BandOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("riskBand", out var band) && Enum.TryParse<RiskBand>(band.GetString(), out var parsed)
            ? parsed
            : null;
    }

    [LoggerMessage(LogLevel.Information, "Live relay: one upstream stream from the Api open for {Browsers} browsers")]
    private partial void LogUpstreamOpen(int browsers);

    [LoggerMessage(LogLevel.Warning, "Live relay: the Api's stream failed; reconnecting in {Retry}")]
    private partial void LogUpstreamFailed(Exception exception, TimeSpan retry);
}
