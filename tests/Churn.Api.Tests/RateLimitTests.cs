using System.Net;
using Churn.Domain.Api;
using Churn.Testing;

namespace Churn.Api.Tests;

/// <summary>Per-client limits on the open endpoints: what-if scoring (token bucket, batch size) and live streams (concurrency).</summary>
public sealed class RateLimitTests(LimitedApiFactory factory) : IClassFixture<LimitedApiFactory>
{
    private static readonly CustomerBatchRequest OneCustomer = new() { Customers = [CustomerInput.From(TestCustomers.Typical())] };

    [Fact]
    public async Task The_11th_rapid_what_if_request_of_a_client_is_a_429_with_retry_after_while_other_clients_are_served()
    {
        var first = factory.CreateClientAt("10.1.0.1");
        for (var i = 0; i < LimitedApiFactory.ScoreTokens; i++)
        {
            await (await first.PostJson("/api/score", OneCustomer)).Read<ScoreResponse>();
        }

        var refused = await first.PostJson("/api/score", OneCustomer);

        var problem = await refused.Problem(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", problem["title"]!.GetValue<string>());
        Assert.Contains("POST /api/score", problem["detail"]!.GetValue<string>());
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(60)); // one token an hour
        Assert.Equal((int)retryAfter.Value.TotalSeconds, problem["retryAfterSeconds"]!.GetValue<int>());
        // Another address, and the API key's own bucket (even from the refused address), are still served.
        await (await factory.CreateClientAt("10.1.0.2").PostJson("/api/score", OneCustomer)).Read<ScoreResponse>();
        await (await factory.CreateClientAt("10.1.0.1", ApiFactory.ApiKey).PostJson("/api/score", OneCustomer)).Read<ScoreResponse>();
        // A wrong key does not open a new bucket: it counts as the address.
        await (await factory.CreateClientAt("10.1.0.1", "guessed-key").PostJson("/api/score", OneCustomer)).Problem(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Anonymous_what_if_batches_are_capped_lower_than_keyed_ones()
    {
        var batch = new CustomerBatchRequest
        {
            Customers = [.. Enumerable.Range(0, LimitedApiFactory.AnonymousMaxBatch + 1).Select(_ => CustomerInput.From(TestCustomers.Typical()))],
        };

        var reason = await (await factory.CreateClientAt("10.1.0.3").PostJson("/api/score", batch)).ValidationError("customers");
        var keyed = await (await factory.CreateClientAt("10.1.0.3", ApiFactory.ApiKey).PostJson("/api/score", batch)).Read<ScoreResponse>();

        Assert.Contains($"At most {LimitedApiFactory.AnonymousMaxBatch} customers per request without an API key", reason);
        Assert.Contains("Churn:RateLimits:AnonymousMaxBatchSize", reason);
        Assert.Equal(batch.Customers.Count, keyed.Results.Count);
    }

    [Fact]
    public async Task Live_streams_beyond_the_per_client_and_the_total_cap_are_429s_and_a_closed_stream_frees_its_slot()
    {
        var ct = TestContext.Current.CancellationToken;
        var (a, b) = (factory.CreateClientAt("10.2.0.1"), factory.CreateClientAt("10.2.0.2"));
        using var firstOfA = await Open(a, HttpStatusCode.OK);
        using var secondOfA = await Open(a, HttpStatusCode.OK);

        using var perClient = await Open(a, HttpStatusCode.TooManyRequests);
        using var firstOfB = await Open(b, HttpStatusCode.OK);
        using var total = await Open(b, HttpStatusCode.TooManyRequests);

        var perClientProblem = await perClient.Problem(HttpStatusCode.TooManyRequests);
        Assert.Contains($"at most {LimitedApiFactory.StreamsPerClient} live streams per client", perClientProblem["detail"]!.GetValue<string>());
        var totalProblem = await total.Problem(HttpStatusCode.TooManyRequests);
        Assert.Contains($"at most {LimitedApiFactory.StreamsTotal} live streams in all", totalProblem["detail"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromSeconds(7), total.Headers.RetryAfter?.Delta);
        Assert.Equal(("streams-per-client", "streams-total"), (perClientProblem["limit"]!.GetValue<string>(), totalProblem["limit"]!.GetValue<string>()));

        firstOfA.Dispose(); // A leaves one stream: its slot, and one of the total, are free again once the Api has seen it go
        using var secondOfB = await Eventually.UntilAsync(() => factory.CreateClientAt("10.2.0.2").GetAsync("/api/predictions/stream",
            HttpCompletionOption.ResponseHeadersRead, ct), response => response.StatusCode == HttpStatusCode.OK, what: "B's second stream admitted",
            cancellationToken: ct);
    }

    /// <summary>Opens a live stream (its headers come at once) and checks the status; the caller closes it.</summary>
    private static async Task<HttpResponseMessage> Open(HttpClient client, HttpStatusCode expected)
    {
        var response = await client.GetAsync("/api/predictions/stream", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return response;
    }
}
