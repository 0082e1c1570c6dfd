using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Churn.Api.Live;
using Churn.Domain.Api;
using Churn.Domain.Predictions;
using Churn.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Churn.Web.Tests;

/// <summary>The Web's live relay over the real Api: one upstream stream however many browsers watch.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class LiveRelayTests(BrowserFixture system)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task Two_browsers_share_one_upstream_api_stream_and_each_gets_the_predictions_of_its_band()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(30));
        var feed = system.Api.Services.GetRequiredService<IPredictionFeed>();
        using var web = new HttpClient { BaseAddress = system.WebAddress };

        await using var high = await Watch(web, "/live/predictions?riskBand=High", cts.Token);
        await using var all = await Watch(web, "/live/predictions", cts.Token);
        await Eventually.UntilAsync(() => feed.SubscriberCount >= 1, "the relay subscribed upstream", cancellationToken: cts.Token);
        var calm = CustomerInput.From(TestCustomers.Typical(serviceCalls: 0, dayMinutes: 120), customerId: "relay-calm-1");
        var risky = CustomerInput.From(TestCustomers.Typical(serviceCalls: 7, dayMinutes: 320, intlPlan: true), customerId: "relay-risky-1");
        using var api = system.ApiClient();
        (await api.PostAsJsonAsync("/api/customers", new CustomerBatchRequest { Customers = [calm, risky] }, Json, cts.Token)).EnsureSuccessStatusCode();

        var toHigh = await high.NextAsync(p => p.CustomerId.StartsWith("relay-", StringComparison.Ordinal));
        var toAll = new[] { await all.NextAsync(p => p.CustomerId.StartsWith("relay-", StringComparison.Ordinal)),
            await all.NextAsync(p => p.CustomerId.StartsWith("relay-", StringComparison.Ordinal)) };

        Assert.Equal(1, feed.SubscriberCount); // two browsers (and any page left open by other tests): one Api stream
        Assert.Equal(("relay-risky-1", RiskBand.High), (toHigh.CustomerId, toHigh.RiskBand));
        Assert.Equal(["relay-calm-1", "relay-risky-1"], toAll.Select(p => p.CustomerId).Order());
    }

    private static async Task<Browser> Watch(HttpClient web, string url, CancellationToken ct)
    {
        var response = await web.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        var events = SseParser.Create(await response.Content.ReadAsStreamAsync(ct)).EnumerateAsync(ct).GetAsyncEnumerator(ct);
        return new Browser(response, events);
    }

    /// <summary>One EventSource, as the dashboard opens it.</summary>
    private sealed class Browser(HttpResponseMessage response, IAsyncEnumerator<SseItem<string>> events) : IAsyncDisposable
    {
        public async Task<Prediction> NextAsync(Func<Prediction, bool> wanted)
        {
            while (await events.MoveNextAsync())
            {
                if (events.Current.EventType == "prediction" && JsonSerializer.Deserialize<Prediction>(events.Current.Data, Json) is { } p && wanted(p))
                {
                    return p;
                }
            }
            throw new InvalidOperationException("the stream ended");
        }

        public async ValueTask DisposeAsync()
        {
            await events.DisposeAsync();
            response.Dispose();
        }
    }
}
