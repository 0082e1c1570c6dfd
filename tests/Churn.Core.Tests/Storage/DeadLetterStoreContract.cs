using Churn.Core.Storage;
using Churn.Domain.Api;
using Churn.Domain.DeadLetters;

namespace Churn.Core.Tests.Storage;

/// <summary>What every <see cref="IDeadLetterStore"/> must do, run against each implementation on a fresh, empty store.</summary>
public abstract class DeadLetterStoreContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Now = new(2026, 1, 15, 9, 30, 0, 123, TimeSpan.Zero);

    /// <summary>A fresh, empty, initialised store (skips the test when the implementation's server is not configured).</summary>
    protected abstract Task<IDeadLetterStore> OpenStoreAsync();

    internal static DeadLetter Letter(long offset, string kind = "deserialization failed", DateTimeOffset? at = null,
        int partition = 0, string topic = "churn.customers.dlq") => new()
    {
        Topic = topic, Partition = partition, Offset = offset,
        ReasonKind = kind, Reason = $"{kind}: invalid JSON at offset {offset}",
        SourceTopic = "churn.customers", SourcePartition = 3, SourceOffset = 1000 + offset,
        Key = $"customer-{offset}", Excerpt = "this is not json", ValueBytes = 16,
        DeadLetteredAt = at ?? Now,
    };

    [Fact]
    public async Task Recording_a_dead_letter_again_leaves_one_the_first_as_it_was()
    {
        var store = await OpenStoreAsync();
        var first = Letter(7);
        await store.RecordDeadLettersAsync([first], Ct);

        await store.RecordDeadLettersAsync([first with { Reason = "store failed: recorded twice", DeadLetteredAt = Now.AddHours(1) }, Letter(8)], Ct);
        await store.RecordDeadLettersAsync([first], Ct);

        var page = await store.QueryDeadLettersAsync(new DeadLetterQuery(), Ct);
        Assert.Equal(2, page.Total);
        Assert.Equal(first, page.Items.Single(l => l.Offset == 7));
    }

    [Fact]
    public async Task Every_field_round_trips_including_the_unknown_source_of_an_ingest_rejection_and_an_envelope()
    {
        var store = await OpenStoreAsync();
        var poison = Letter(1);
        var rejection = new DeadLetter
        {
            Topic = "churn.customers.dlq", Partition = 2, Offset = 40, ReasonKind = "ingest rejected",
            Reason = "line 9: Account length: 'oops' is not a whole number", Origin = "csv:churn-bigml-20.csv:9",
            Key = "csv:churn-bigml-20.csv:9", Excerpt = "KS,oops,415,No,Yes,25,265.1,110,45.07,197.4…", ValueBytes = 120,
            DeadLetteredAt = Now.AddSeconds(-1),
        };
        var envelope = Letter(2) with { ReasonKind = "store rejected", Envelope = true, ValueBytes = 3_000_000, Excerpt = "Ω ünïcödé 🚀 <b>&amp;</b>…" };

        await store.RecordDeadLettersAsync([poison, rejection, envelope], Ct);

        var items = (await store.QueryDeadLettersAsync(new DeadLetterQuery(), Ct)).Items;
        Assert.Equal(poison, items.Single(l => l.Offset == 1));
        Assert.Equal(rejection, items.Single(l => l.Offset == 40));
        Assert.Equal(envelope, items.Single(l => l.Offset == 2));
    }

    [Fact]
    public async Task Pages_are_newest_first_ties_broken_by_topic_partition_and_offset_descending()
    {
        var store = await OpenStoreAsync();
        await store.RecordDeadLettersAsync(
        [
            Letter(1, at: Now.AddMinutes(-5)), Letter(2, at: Now), Letter(3, at: Now), Letter(1, at: Now, partition: 1),
            Letter(9, at: Now.AddMinutes(-1)), Letter(5, at: Now, topic: "a.dlq"),
        ], Ct);

        var first = await store.QueryDeadLettersAsync(new DeadLetterQuery { Page = 1, PageSize = 4 }, Ct);
        var second = await store.QueryDeadLettersAsync(new DeadLetterQuery { Page = 2, PageSize = 4 }, Ct);
        var beyond = await store.QueryDeadLettersAsync(new DeadLetterQuery { Page = 3, PageSize = 4 }, Ct);

        Assert.Equal([("churn.customers.dlq", 1, 1L), ("churn.customers.dlq", 0, 3L), ("churn.customers.dlq", 0, 2L), ("a.dlq", 0, 5L)],
            first.Items.Select(l => (l.Topic, l.Partition, l.Offset)));
        Assert.Equal([9L, 1L], second.Items.Select(l => l.Offset));
        Assert.Empty(beyond.Items);
        Assert.All([first, second, beyond], p => Assert.Equal((6L, 4), (p.Total, p.PageSize)));
        Assert.Equal((1, 2, 3), (first.Page, second.Page, beyond.Page));
    }

    [Fact]
    public async Task Counts_by_reason_kind_cover_every_dead_letter_most_frequent_first()
    {
        var store = await OpenStoreAsync();
        await store.RecordDeadLettersAsync(
        [
            Letter(1, "store rejected"), Letter(2, "invalid event"), Letter(3, "deserialization failed"),
            Letter(4, "invalid event"), Letter(5, "deserialization failed"), Letter(6, "invalid event"),
        ], Ct);

        var page = await store.QueryDeadLettersAsync(new DeadLetterQuery { PageSize = 1 }, Ct);

        Assert.Equal([new("invalid event", 3), new("deserialization failed", 2), new ReasonKindCount("store rejected", 1)], page.ByReasonKind);
        Assert.Equal(6, page.Total);
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task An_empty_store_answers_an_empty_page_and_an_empty_batch_is_a_no_op()
    {
        var store = await OpenStoreAsync();
        await store.RecordDeadLettersAsync([], Ct);

        var page = await store.QueryDeadLettersAsync(new DeadLetterQuery(), Ct);

        Assert.Equal((0L, 1, 50), (page.Total, page.Page, page.PageSize));
        Assert.Empty(page.Items);
        Assert.Empty(page.ByReasonKind);
    }

    [Fact]
    public async Task The_page_size_is_capped_and_a_page_below_one_is_refused()
    {
        var store = await OpenStoreAsync();
        await store.RecordDeadLettersAsync([.. Enumerable.Range(0, DeadLetterQuery.MaxPageSize + 5).Select(i => Letter(i))], Ct);

        var page = await store.QueryDeadLettersAsync(new DeadLetterQuery { PageSize = 10_000 }, Ct);

        Assert.Equal(DeadLetterQuery.MaxPageSize, page.PageSize);
        Assert.Equal(DeadLetterQuery.MaxPageSize, page.Items.Count);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.QueryDeadLettersAsync(new DeadLetterQuery { Page = 0 }, Ct));
    }
}
