using System.Net;
using Churn.Core.Transport.Embedded;
using Churn.Domain.Api;
using Churn.Domain.Predictions;
using Churn.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Churn.Api.Tests;

/// <summary>POST /api/customers retried safely: an Idempotency-Key, or event ids chosen by the client.</summary>
public sealed class IdempotencyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Header = "Idempotency-Key";

    private static CustomerBatchRequest Batch(params CustomerInput[] customers) => new() { Customers = customers };

    private Task<HttpResponseMessage> Post(CustomerBatchRequest body, string? key)
    {
        var client = factory.CreateClientWithKey();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/customers") { Content = System.Net.Http.Json.JsonContent.Create(body, options: Json.Options) };
        if (key is not null) request.Headers.TryAddWithoutValidation(Header, key);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_repeat_with_the_same_key_answers_the_first_answer_and_stores_one_prediction_per_customer()
    {
        var key = $"order-{Guid.NewGuid()}";
        var customerId = $"crm-{Guid.NewGuid():N}";
        var body = Batch(CustomerInput.From(TestCustomers.Typical(serviceCalls: 2), customerId), CustomerInput.From(TestCustomers.Typical()));
        var client = factory.CreateClientWithKey();

        var first = await Post(body, key);
        var firstBody = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var accepted = await first.Read<PublishedCustomers>(HttpStatusCode.Accepted);
        var log = factory.Services.GetRequiredService<EmbeddedEventLog>();
        var published = Enumerable.Range(0, log.Options.Partitions).Sum(p => log.EndOffset("churn.customers", p));
        var second = await Post(body, key);

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(published, Enumerable.Range(0, log.Options.Partitions).Sum(p => log.EndOffset("churn.customers", p))); // nothing re-sent
        Assert.All(accepted.EventIds, (id, i) => Assert.Matches($"^api-[0-9a-f]{{32}}-{i}$", id));
        var anonymous = await (await Eventually.OkAsync(client, $"/api/predictions/{accepted.EventIds[1]}")).Read<Prediction>();
        Assert.Equal(accepted.EventIds[1], anonymous.CustomerId); // an anonymous customer is named after its event: stable too
        await Eventually.OkAsync(client, $"/api/predictions/{accepted.EventIds[0]}");
        var history = await (await client.Get($"/api/customers/{customerId}/predictions")).Read<List<Prediction>>();
        Assert.Equal([accepted.EventIds[0]], history.Select(p => p.EventId));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_a_422_and_publishes_nothing()
    {
        var key = Guid.NewGuid().ToString();
        await (await Post(Batch(CustomerInput.From(TestCustomers.Typical(), "crm-7")), key)).Read<PublishedCustomers>(HttpStatusCode.Accepted);
        var log = factory.Services.GetRequiredService<EmbeddedEventLog>();
        var partition = log.PartitionFor("crm-7");
        var before = log.EndOffset("churn.customers", partition); // the embedded publish is done when the answer comes

        var problem = await (await Post(Batch(CustomerInput.From(TestCustomers.Typical(serviceCalls: 4), "crm-7")), key))
            .Problem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("Idempotency-Key reused with a different body", problem["title"]!.GetValue<string>());
        Assert.Contains(key, problem["detail"]!.GetValue<string>());
        Assert.Equal(before, log.EndOffset("churn.customers", partition));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("has space")]
    [InlineData("\"unbalanced")]
    [InlineData("ключ")]
    [InlineData("k-129-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task A_malformed_key_is_a_400_naming_the_header(string key)
    {
        var reason = await (await Post(Batch(CustomerInput.From(TestCustomers.Typical())), key)).ValidationError(Header);

        Assert.Contains("1 to 128 visible ASCII characters", reason);
    }

    [Fact]
    public async Task A_key_in_the_structured_field_form_is_the_same_key_as_without_quotes()
    {
        var key = Guid.NewGuid().ToString();
        var body = Batch(CustomerInput.From(TestCustomers.Typical()));

        var plain = await (await Post(body, key)).Read<PublishedCustomers>(HttpStatusCode.Accepted);
        var quoted = await Post(body, $"\"{key}\"");

        Assert.Equal(plain.EventIds, (await quoted.Read<PublishedCustomers>(HttpStatusCode.Accepted)).EventIds);
        Assert.True(quoted.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Client_event_ids_are_used_as_given_and_a_resend_upserts_the_same_prediction()
    {
        var eventId = $"shop-{Guid.NewGuid():N}";
        var client = factory.CreateClientWithKey();
        var body = Batch(CustomerInput.From(TestCustomers.Typical(), "crm-9") with { EventId = eventId }, CustomerInput.From(TestCustomers.Typical()));

        var first = await (await Post(body, key: null)).Read<PublishedCustomers>(HttpStatusCode.Accepted);
        var second = await (await Post(body, key: null)).Read<PublishedCustomers>(HttpStatusCode.Accepted);

        Assert.Equal(eventId, first.EventIds[0]);
        Assert.Equal(eventId, second.EventIds[0]);
        Assert.NotEqual(first.EventIds[1], second.EventIds[1]); // no key, no client id: a new event each time
        var stored = await (await Eventually.OkAsync(client, $"/api/predictions/{eventId}")).Read<Prediction>();
        Assert.Equal("crm-9", stored.CustomerId);
    }

    [Theory]
    [InlineData("a/b", "letters, digits and . _ : -")]
    [InlineData("csv-c73bb8e7a47c-2", "reserved")]
    [InlineData("syn-42-7", "reserved")]
    public async Task A_client_event_id_outside_the_alphabet_or_in_a_reserved_form_is_a_400(string eventId, string reason)
    {
        var body = Batch(CustomerInput.From(TestCustomers.Typical()) with { EventId = eventId });

        Assert.Contains(reason, await (await Post(body, key: null)).ValidationError("customers[0].eventId"));
    }

    [Fact]
    public async Task A_client_event_id_given_twice_in_one_request_is_a_400_naming_the_second()
    {
        var body = Batch(CustomerInput.From(TestCustomers.Typical()) with { EventId = "dup-1" },
            CustomerInput.From(TestCustomers.Typical()) with { EventId = "dup-1" });

        Assert.Contains("customers[0]", await (await Post(body, key: null)).ValidationError("customers[1].eventId"));
    }
}
