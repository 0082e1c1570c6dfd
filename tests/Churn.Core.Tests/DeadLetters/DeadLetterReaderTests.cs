using System.Text;
using Churn.Core.DeadLetters;
using Churn.Core.Ingest;
using Churn.Core.Tests.Doubles;
using Churn.Core.Transport;
using Churn.Core.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Churn.Core.Tests.DeadLetters;

/// <summary>
/// Every kind of record the dead-letter topic holds becomes a <see cref="Domain.DeadLetters.DeadLetter"/>: what the
/// worker and ingest really write, an envelope, and anything a foreign producer may put there.
/// </summary>
public sealed class DeadLetterReaderTests
{
    private const string Topic = PipelineTopicsOptions.DefaultDeadLetters;
    private static readonly DateTimeOffset RecordedAt = new(2026, 1, 15, 9, 30, 0, 456, TimeSpan.Zero);

    private static ConsumedEvent OnDeadLetterTopic(EventMessage message, long offset = 12, DateTimeOffset? timestamp = null) =>
        new(Topic, 1, offset, message) { Timestamp = timestamp };

    [Fact]
    public void A_worker_dead_letter_gives_its_reason_kind_source_coordinates_key_and_excerpt()
    {
        var poison = new PoisonRecord(TestEvents.Raw(3, 77, "this is not json"u8.ToArray()), "deserialization failed: invalid JSON: 'h' is an invalid literal");
        var written = new DateTimeOffset(2026, 1, 15, 9, 29, 59, 987, TimeSpan.Zero).AddTicks(4321);

        var letter = DeadLetterReader.Read(OnDeadLetterTopic(DeadLetterPublisher.ToDeadLetter(poison), timestamp: written), RecordedAt);

        Assert.Equal((Topic, 1, 12L), (letter.Topic, letter.Partition, letter.Offset));
        Assert.Equal("deserialization failed", letter.ReasonKind);
        Assert.Equal(poison.Reason, letter.Reason);
        Assert.Equal((poison.Record.Topic, (int?)3, (long?)77), (letter.SourceTopic, letter.SourcePartition, letter.SourceOffset));
        Assert.Null(letter.Origin);
        Assert.Equal(poison.Record.Message.Key, letter.Key);
        Assert.Equal(("this is not json", 16, false), (letter.Excerpt, letter.ValueBytes, letter.Envelope));
        Assert.Equal(written.AddTicks(-4321), letter.DeadLetteredAt); // the record's time, at the stores' millisecond precision
    }

    [Fact]
    public void An_envelope_gives_the_original_records_size_and_an_excerpt_of_its_prefix_not_of_the_envelope()
    {
        var huge = Encoding.UTF8.GetBytes("{\"broken\": " + new string('x', 5_000));
        var poison = new PoisonRecord(TestEvents.Raw(0, 5, huge), "deserialization failed: invalid JSON");

        var letter = DeadLetterReader.Read(OnDeadLetterTopic(DeadLetterPublisher.ToEnvelope(poison, "TooLarge: message too large")), RecordedAt);

        Assert.True(letter.Envelope);
        Assert.Equal(huge.Length, letter.ValueBytes);
        Assert.Equal("{\"broken\": " + new string('x', DeadLetterReader.ExcerptLength - 11) + "…", letter.Excerpt);
        Assert.Equal(("deserialization failed", (long?)5), (letter.ReasonKind, letter.SourceOffset));
        Assert.Equal(RecordedAt, letter.DeadLetteredAt); // no timestamp on the record: when it was recorded
    }

    [Fact]
    public void An_ingest_rejection_is_of_kind_ingest_rejected_with_its_origin_and_no_source_position()
    {
        var transport = new FakeEventPublisher(new PipelineLog());
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var ingest = new IngestPublisher(transport, Options.Create(new PipelineTopicsOptions()),
            new IngestMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), TimeProvider.System,
            NullLogger<IngestPublisher>.Instance);
        ingest.Publish(IngestItem.Rejected("csv:test.csv:9", "NY,oops", "line 9: Account length: 'oops' is not a whole number", "Account length"), cancellationToken: TestContext.Current.CancellationToken);

        var letter = DeadLetterReader.Read(OnDeadLetterTopic(Assert.Single(transport.Published).Message), RecordedAt);

        Assert.Equal(DeadLetterReader.IngestRejectedKind, letter.ReasonKind);
        Assert.Equal("line 9: Account length: 'oops' is not a whole number", letter.Reason);
        Assert.Equal("csv:test.csv:9", letter.Origin);
        Assert.Equal((null, null, null), (letter.SourceTopic, letter.SourcePartition, letter.SourceOffset));
        Assert.Equal("NY,oops", letter.Excerpt);
    }

    [Fact]
    public void A_foreign_record_without_headers_and_with_hostile_bytes_is_still_recorded_with_what_is_known()
    {
        byte[] value = [.. "<script>alert(1)</script>\u0000\u001b[31m\u202Eevil\r\n\t"u8, 0xff, 0xfe, .. "🚀"u8];
        var message = new EventMessage("key\u0007\u202E", value,
        [
            new(EventHeaders.DlqSourcePartition, "three"u8.ToArray()),
            new(EventHeaders.DlqSourceOffset, "-4"u8.ToArray()),
        ]);

        var letter = DeadLetterReader.Read(OnDeadLetterTopic(message) with { PoisonReason = "Local_KeyDeserialization: bad key" }, RecordedAt);

        Assert.Equal(DeadLetterReader.UnknownKind, letter.ReasonKind);
        Assert.Equal("no dlq-reason header; undecodable: Local_KeyDeserialization: bad key", letter.Reason);
        Assert.Equal((null, null, null), (letter.SourceTopic, letter.SourcePartition, letter.SourceOffset));
        Assert.Equal("key??", letter.Key);
        Assert.Equal("<script>alert(1)</script>??[31m?evil   \uFFFD\uFFFD🚀", letter.Excerpt);
        Assert.Equal(value.Length, letter.ValueBytes);
    }

    [Fact]
    public void A_long_value_is_cut_at_the_excerpt_length_without_splitting_a_character_and_marked()
    {
        var text = new string('a', DeadLetterReader.ExcerptLength - 1) + "🚀" + new string('b', 1_000);

        var letter = DeadLetterReader.Read(OnDeadLetterTopic(new EventMessage("k", Encoding.UTF8.GetBytes(text), [])), RecordedAt);

        Assert.Equal(new string('a', DeadLetterReader.ExcerptLength - 1) + "…", letter.Excerpt);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), letter.ValueBytes);
    }

    [Theory]
    [InlineData("store rejected: document failed validation", "store rejected")]
    [InlineData("undecodable record: Local_KeyDeserialization: key is not UTF-8", "undecodable record")]
    [InlineData("a reason without a colon", "a reason without a colon")]
    [InlineData(": starts with a colon", DeadLetterReader.UnknownKind)]
    public void The_reason_kind_is_the_text_before_the_first_colon(string reason, string kind) =>
        Assert.Equal(kind, DeadLetterReader.KindOf(reason));
}
