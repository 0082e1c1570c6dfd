using System.Net.ServerSentEvents;
using System.Text.Json;
using Churn.Api.Live;
using Churn.Domain.Api;
using Churn.Domain.Customers;
using Churn.Domain.Predictions;
using Churn.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Churn.Api.Tests;

public sealed class LiveStreamTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_stream_delivers_each_newly_scored_prediction_once_filtered_by_band_named_in_any_case()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(Timeout);
        var client = factory.CreateClientWithKey();
        var feed = factory.Services.GetRequiredService<IPredictionFeed>();

        var events = ReadEvents(client, "/api/predictions/stream?riskBand=high", cts.Token);
        var first = events.MoveNextAsync();
        await Eventually.UntilAsync(() => feed.SubscriberCount > 0, "the stream subscribed to the feed", Timeout,
            TimeSpan.FromMilliseconds(20), cts.Token);

        // A calm and a risky customer go through the real pipeline; only the risky one is High.
        var published = await Publish(client, TestCustomers.Typical(serviceCalls: 0, dayMinutes: 120),
            TestCustomers.Typical(serviceCalls: 6, dayMinutes: 300, intlPlan: true));

        Assert.True(await first);
        Assert.Equal("prediction", events.Current.EventType);
        var received = JsonSerializer.Deserialize<Prediction>(events.Current.Data, Json.Options)!;
        Assert.Equal(published[1], received.EventId);
        Assert.Equal(RiskBand.High, received.RiskBand);

        // Stored again (an idempotent re-write) it is not announced twice; the next new one is.
        var next = events.MoveNextAsync();
        var stored = (await factory.Store.GetAsync(published[1], cts.Token))!;
        await factory.Store.UpsertAsync([stored], cts.Token);
        var another = await Publish(client, TestCustomers.Typical(serviceCalls: 7, dayMinutes: 310, intlPlan: true));
        Assert.True(await next);
        Assert.Equal(another[0], JsonSerializer.Deserialize<Prediction>(events.Current.Data, Json.Options)!.EventId);
        await events.DisposeAsync();
    }

    [Fact]
    public async Task An_unknown_risk_band_is_a_400_instead_of_a_stream_that_never_emits()
    {
        var client = factory.CreateClientWithKey();

        Assert.Contains("Low, Medium or High", await (await client.Get("/api/predictions/stream?riskBand=7")).ValidationError("riskBand"));
    }

    private static async Task<IReadOnlyList<string>> Publish(HttpClient client, params CustomerRecord[] customers)
    {
        var request = new CustomerBatchRequest { Customers = [.. customers.Select(c => CustomerInput.From(c))] };
        return (await (await client.PostJson("/api/customers", request)).Read<PublishedCustomers>(System.Net.HttpStatusCode.Accepted)).EventIds;
    }

    private static async IAsyncEnumerator<SseItem<string>> ReadEvents(HttpClient client, string url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(ct)) yield return item;
    }
}
