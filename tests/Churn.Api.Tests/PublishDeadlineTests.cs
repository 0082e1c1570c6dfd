using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Churn.Domain.Api;
using Churn.Domain.Models;
using Churn.Core.Transport.Embedded;
using Churn.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Churn.Api.Tests;

/// <summary>POST /api/customers into a full log: a 503 within the deadline naming exactly who was and was not accepted.</summary>
public sealed class PublishDeadlineTests(FullLogApiFactory factory) : IClassFixture<FullLogApiFactory>
{
    [Fact]
    public async Task A_full_log_answers_503_within_the_deadline_naming_each_customer_and_a_retry_with_the_key_completes()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateClientWithKey();
        client.Timeout = TimeSpan.FromSeconds(30); // before the deadline existed, the request held a thread for 5 minutes
        var key = Guid.NewGuid().ToString();
        var body = new CustomerBatchRequest
        {
            Customers = [.. Enumerable.Range(0, FullLogApiFactory.Capacity + 1).Select(i => CustomerInput.From(TestCustomers.Typical(serviceCalls: i), $"crm-full-{i}"))],
        };

        var started = Stopwatch.GetTimestamp();
        var first = client.SendAsync(Request(body, key), ct);
        var log = factory.Services.GetRequiredService<EmbeddedEventLog>();
        await Eventually.UntilAsync(() => log.BlockedPublishers("churn.customers") == 1, "the third customer waiting for room", cancellationToken: ct);
        var concurrent = await client.SendAsync(Request(body, key), ct);
        var response = await first;
        var elapsed = Stopwatch.GetElapsedTime(started);

        await concurrent.Problem(HttpStatusCode.Conflict);   // the same key while the first request still runs
        Assert.Equal(TimeSpan.FromSeconds(1), concurrent.Headers.RetryAfter?.Delta);
        var problem = await response.Problem(HttpStatusCode.ServiceUnavailable);
        Assert.InRange(elapsed, FullLogApiFactory.PublishTimeout, FullLogApiFactory.PublishTimeout + TimeSpan.FromSeconds(10));
        Assert.Equal("The stream did not accept every customer", problem["title"]!.GetValue<string>());
        Assert.Contains("1 of 3 customers were not accepted", problem["detail"]!.GetValue<string>());
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        var accepted = problem["accepted"]!.AsArray();
        var notAccepted = Assert.Single(problem["notAccepted"]!.AsArray())!;
        Assert.Equal([0, 1], accepted.Select(a => a!["index"]!.GetValue<int>()));
        Assert.Equal(["crm-full-0", "crm-full-1"], accepted.Select(a => a!["customerId"]!.GetValue<string>()));
        Assert.Equal((2, "crm-full-2"), (notAccepted["index"]!.GetValue<int>(), notAccepted["customerId"]!.GetValue<string>()));
        Assert.Contains("no space", notAccepted["reason"]!.GetValue<string>());
        string[] eventIds = [.. accepted.Select(a => a!["eventId"]!.GetValue<string>()), notAccepted["eventId"]!.GetValue<string>()];

        // The worker gets a model and drains the log; the same request with the same key now completes, under the same ids.
        factory.Settings.CopyModelFrom(await TrainedModel.EnsureAsync());
        await (await factory.CreateClientWithKey().PostJson("/api/admin/model/reload", new { })).Read<ModelSwapResult>();
        await Eventually.UntilAsync(() => factory.Store.CountAsync(ct), count => count == 2, cancellationToken: ct);
        var retried = await (await client.SendAsync(Request(body, key), ct)).Read<PublishedCustomers>(HttpStatusCode.Accepted);

        Assert.Equal(eventIds, retried.EventIds);
        foreach (var id in eventIds) await Eventually.OkAsync(client, $"/api/predictions/{id}");
        Assert.Equal(3, await factory.Store.CountAsync(ct));
    }

    private static HttpRequestMessage Request(CustomerBatchRequest body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/customers") { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
