using System.Net.ServerSentEvents;
using System.Text.Json;
using Churn.Api.Live;
using Churn.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Churn.Api.Tests;

public sealed class LiveStreamTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_stream_delivers_a_newly_stored_prediction_once_filtered_by_band()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(Timeout);
        var client = factory.CreateClient();
        var feed = factory.Services.GetRequiredService<IPredictionFeed>();

        var events = ReadEvents(client, "/api/predictions/stream?riskBand=High", cts.Token);
        var first = events.MoveNextAsync();
        await WaitUntil(() => feed.SubscriberCount > 0, cts.Token);

        var now = DateTimeOffset.UtcNow;
        var low = TestData.Prediction("live-low", "live-1", TestData.Customer(serviceCalls: 0), now);
        var high = TestData.Prediction("live-high", "live-2", TestData.Customer(serviceCalls: 8), now);
        Assert.Equal((RiskBand.Low, RiskBand.High), (low.RiskBand, high.RiskBand));
        await factory.Store.UpsertAsync([low, high], cts.Token);

        Assert.True(await first);
        Assert.Equal("prediction", events.Current.EventType);
        var received = JsonSerializer.Deserialize<Prediction>(events.Current.Data, Json.Options)!;
        Assert.Equal("live-high", received.EventId);
        Assert.Equal(RiskBand.High, received.RiskBand);
        Assert.Equal(high.ChurnProbability, received.ChurnProbability, 10);

        // Stored again (an idempotent re-write) it is not announced twice; the next new one is.
        var next = events.MoveNextAsync();
        await factory.Store.UpsertAsync([high, TestData.Prediction("live-high-2", "live-3", TestData.Customer(serviceCalls: 9), DateTimeOffset.UtcNow)], cts.Token);
        Assert.True(await next);
        Assert.Equal("live-high-2", JsonSerializer.Deserialize<Prediction>(events.Current.Data, Json.Options)!.EventId);
        await events.DisposeAsync();
    }

    private static async IAsyncEnumerator<SseItem<string>> ReadEvents(HttpClient client, string url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(ct)) yield return item;
    }

    private static async Task WaitUntil(Func<bool> condition, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!condition()) await timer.WaitForNextTickAsync(ct);
    }
}
