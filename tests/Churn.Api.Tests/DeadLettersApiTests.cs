using System.Net;
using Churn.Core.Ingest;
using Churn.Core.Transport;
using Churn.Domain.Api;
using Churn.Domain.DeadLetters;
using Churn.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Churn.Api.Tests;

/// <summary>
/// GET /api/dead-letters over the real embedded composition: poison records published straight into the in-process
/// log are dead-lettered by the worker, recorded by the dead-letter recorder and listed by the Api.
/// </summary>
public sealed class DeadLettersApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private PipelineTopicsOptions Topics => factory.Services.GetRequiredService<IOptions<PipelineTopicsOptions>>().Value;

    /// <summary>Publishes raw bytes to the customers topic as a broken producer would, and returns where they landed.</summary>
    private async Task<DeliveryReport> PublishRawAsync(string key, byte[] value)
    {
        var delivered = new TaskCompletionSource<DeliveryReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        factory.Services.GetRequiredService<IEventPublisher>().Publish(Topics.Customers, new EventMessage(key, value, []), delivered.SetResult);
        var report = await delivered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(report.Delivered, report.Error);
        return report;
    }

    private Task<DeadLetterPage> WaitForAsync(Func<DeadLetterPage, bool> done, string what) =>
        Eventually.UntilAsync(async () => await (await client.Get("/api/dead-letters?pageSize=200")).Read<DeadLetterPage>(), done,
            TimeSpan.FromSeconds(30), what: what);

    [Fact]
    public async Task A_poison_record_consumed_by_the_worker_is_listed_with_its_reason_kind_source_offset_and_excerpt()
    {
        var json = await PublishRawAsync("dl-poison-1", "this is not json"u8.ToArray());
        var incomplete = await PublishRawAsync("dl-poison-2", """{"schemaVersion":1,"eventId":"dl-e-2"}"""u8.ToArray());

        var page = await WaitForAsync(p => p.Items.Count(l => l.Key.StartsWith("dl-poison-")) == 2, "both poison records listed");

        var first = page.Items.Single(l => l.Key == "dl-poison-1");
        Assert.Equal("deserialization failed", first.ReasonKind);
        Assert.StartsWith("deserialization failed: invalid JSON", first.Reason);
        Assert.Equal((Topics.Customers, json.Partition, json.Offset), (first.SourceTopic!, first.SourcePartition!.Value, first.SourceOffset!.Value));
        Assert.Equal((Topics.DeadLetters, "this is not json", 16), (first.Topic, first.Excerpt, first.ValueBytes));
        var second = page.Items.Single(l => l.Key == "dl-poison-2");
        Assert.Equal(("deserialization failed", incomplete.Offset), (second.ReasonKind, second.SourceOffset));
        Assert.Contains("required", second.Reason);
        Assert.True(page.ByReasonKind.Single(c => c.ReasonKind == "deserialization failed").Count >= 2);
        Assert.Equal(page.Total, page.ByReasonKind.Sum(c => c.Count));
    }

    [Fact]
    public async Task A_rejected_ingest_row_is_listed_as_ingest_rejected_with_its_origin_and_the_newest_comes_first()
    {
        var ingest = factory.Services.GetRequiredService<IngestPublisher>();
        ingest.Publish(IngestItem.Rejected("csv:dl-test.csv:9", "ID,oops,415", "line 9: Account length: 'oops' is not a whole number", "Account length"), cancellationToken: TestContext.Current.CancellationToken);
        await WaitForAsync(p => p.Items.Any(l => l.Origin == "csv:dl-test.csv:9"), "the first rejection listed");
        ingest.Publish(IngestItem.Rejected("csv:dl-test.csv:10", "ID,7,oops", "line 10: Area code: 'oops' is not a whole number", "Area code"), cancellationToken: TestContext.Current.CancellationToken);

        var page = await WaitForAsync(p => p.Items.Any(l => l.Origin == "csv:dl-test.csv:10"), "the second rejection listed");

        var rejected = page.Items.Where(l => l.Origin?.StartsWith("csv:dl-test.csv:") == true).ToList();
        Assert.Equal(["csv:dl-test.csv:10", "csv:dl-test.csv:9"], rejected.Select(l => l.Origin));
        Assert.All(rejected, l => Assert.Equal(("ingest rejected", null, null), (l.ReasonKind, l.SourceTopic, l.SourceOffset)));
        Assert.Equal("ID,oops,415", rejected[1].Excerpt);
    }

    [Fact]
    public async Task Pages_have_the_requested_size_and_bad_paging_is_a_400_naming_the_field()
    {
        await PublishRawAsync("dl-page-1", "not json 1"u8.ToArray());
        await PublishRawAsync("dl-page-2", "not json 2"u8.ToArray());
        await WaitForAsync(p => p.Items.Count(l => l.Key.StartsWith("dl-page-")) == 2, "both listed");

        var page = await (await client.Get("/api/dead-letters?page=2&pageSize=1")).Read<DeadLetterPage>();

        Assert.Equal((2, 1), (page.Page, page.PageSize));
        Assert.Single(page.Items);
        Assert.Equal("Must be 1 or more.", await (await client.Get("/api/dead-letters?page=0")).ValidationError("page"));
        Assert.Equal($"Must be between 1 and {DeadLetterQuery.MaxPageSize}.",
            await (await client.Get($"/api/dead-letters?pageSize={DeadLetterQuery.MaxPageSize + 1}")).ValidationError("pageSize"));
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/api/dead-letters?page=&pageSize=")).StatusCode);
    }
}
