using Churn.Core.Ingest;
using Churn.Testing;

namespace Churn.Core.Tests.Ingest;

public sealed class CsvReplaySourceTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Event_ids_are_stable_across_replays_and_moves_and_unique_per_line()
    {
        var path = _directory.Combine("a.csv");
        File.WriteAllText(path, IngestTestData.Csv(IngestTestData.Row1, IngestTestData.Row2));
        var moved = _directory.Combine("renamed.csv");
        File.Copy(path, moved);

        var first = new CsvReplaySource(path, TimeProvider.System).Read().Select(i => i.Event!).ToList();
        var again = new CsvReplaySource(path, TimeProvider.System).Read().Select(i => i.Event!.EventId).ToList();
        var fromMoved = new CsvReplaySource(moved, TimeProvider.System).Read().Select(i => i.Event!.EventId).ToList();

        Assert.Equal(first.Select(e => e.EventId), again);
        Assert.Equal(again, fromMoved);
        Assert.Equal(2, again.Distinct().Count());
        var fileId = CsvReplaySource.ComputeFileId(path);
        Assert.Equal([$"csv-{fileId}-2", $"csv-{fileId}-3"], again);
        Assert.Equal($"c-{fileId[..8]}-2", first[0].CustomerId);
        Assert.Equal("csv:a.csv", first[0].Source);
        Assert.Equal("LA", first[0].Customer.State);
        Assert.True(first[1].Customer.Churn);
    }

    [Fact]
    public void A_different_file_content_gives_different_ids_and_a_repeat_pass_gives_new_events_for_the_same_customers()
    {
        var a = _directory.Combine("a.csv");
        var b = _directory.Combine("b.csv");
        File.WriteAllText(a, IngestTestData.Csv(IngestTestData.Row1));
        File.WriteAllText(b, IngestTestData.Csv(IngestTestData.Row2));
        var source = new CsvReplaySource(a, TimeProvider.System);

        var pass0 = Assert.Single(source.Read(0)).Event!;
        var pass1 = Assert.Single(source.Read(1)).Event!;
        var other = Assert.Single(new CsvReplaySource(b, TimeProvider.System).Read()).Event!;

        Assert.NotEqual(pass0.EventId, pass1.EventId);
        Assert.Equal(pass0.CustomerId, pass1.CustomerId);
        Assert.NotEqual(pass0.EventId, other.EventId);
    }

    [Fact]
    public void A_row_that_breaks_the_contract_becomes_a_rejection_with_its_line_and_reason()
    {
        var path = _directory.Combine("bad.csv");
        File.WriteAllText(path, IngestTestData.Csv(IngestTestData.Row1, IngestTestData.BadRow, IngestTestData.Row2));

        var items = new CsvReplaySource(path, TimeProvider.System).Read().ToList();

        Assert.Equal(3, items.Count);
        var bad = items[1];
        Assert.Null(bad.Event);
        Assert.Equal("csv:bad.csv:3", bad.Origin);
        Assert.Equal(IngestTestData.BadRow, bad.Raw);
        Assert.Contains("Total day calls", bad.RejectionReason);
        Assert.Equal("Total day calls", bad.RejectionKind);
        Assert.NotNull(items[2].Event);
    }

    public void Dispose() => _directory.Dispose();
}
