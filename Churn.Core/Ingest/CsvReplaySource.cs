using System.Globalization;
using System.Security.Cryptography;
using Churn.Domain.Customers;
using Churn.Domain.Events;

namespace Churn.Core.Ingest;

/// <summary>
/// Replays a BigML CSV file as events. Identities are stable so a replay upserts the same predictions:
/// <list type="bullet">
/// <item>the file's identity is the first 12 hex digits of the SHA-256 of its content (renaming or moving the file
/// keeps it; editing it makes a new identity);</item>
/// <item><c>eventId = csv-{fileId}-{line}</c>, with <c>-r{pass}</c> appended for repeat passes after the first
/// (a repeat is the same customers coming again, so new events; rerunning the same command is still idempotent);</item>
/// <item><c>customerId = c-{fileId[..8]}-{line}</c>: the data has no customer key, so a row is a customer.</item>
/// </list>
/// Rows that fail the contract become rejected items carrying every field error.
/// </summary>
public sealed class CsvReplaySource(string path, TimeProvider time)
{
    public string Path { get; } = path;

    /// <summary>SHA-256 prefix of the file's content.</summary>
    public string FileId { get; } = ComputeFileId(path);

    public IEnumerable<IngestItem> Read(int pass = 0)
    {
        var name = System.IO.Path.GetFileName(Path);
        var source = $"csv:{name}";
        foreach (var row in CustomerCsvReader.ReadFile(Path))
        {
            var origin = $"{source}:{row.LineNumber}";
            if (!row.IsValid)
            {
                yield return IngestItem.Rejected(origin, row.RawLine, row.Describe(), row.Errors[0].Column ?? "row");
                continue;
            }
            var line = row.LineNumber.ToString(CultureInfo.InvariantCulture);
            yield return IngestItem.For(new CustomerEvent
            {
                EventId = pass == 0 ? $"csv-{FileId}-{line}" : $"csv-{FileId}-{line}-r{pass}",
                CustomerId = $"c-{FileId[..8]}-{line}",
                OccurredAt = time.GetUtcNow(),
                Source = source,
                Customer = row.Record,
            }, origin);
        }
    }

    public static string ComputeFileId(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
    }
}
