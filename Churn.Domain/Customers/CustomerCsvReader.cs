using System.Text;

namespace Churn.Domain.Customers;

/// <summary>
/// Streams customers out of a BigML churn CSV file line by line. The header is matched tolerantly; a file that cannot
/// be read as this schema throws <see cref="CustomerCsvFormatException"/> when enumeration starts. After that no row
/// throws: a bad row comes back with its line number, raw text and every field error, and reading goes on.
/// Blank lines (including trailing ones) are skipped; a UTF-8 BOM and CRLF line ends are accepted.
/// </summary>
public static class CustomerCsvReader
{
    /// <summary>Reads rows lazily from <paramref name="reader"/> (not disposed).</summary>
    public static IEnumerable<CustomerCsvRow> Read(TextReader reader)
    {
        var lineNumber = 0;
        var header = CustomerCsvHeader.Parse(ReadHeaderLine(reader, ref lineNumber));

        var cells = new List<ReadOnlyMemory<char>>(header.Columns.Length);
        var values = new ReadOnlyMemory<char>[CustomerColumns.All.Count];
        while (NextNonBlankLine(reader, ref lineNumber) is { } line)
            yield return ParseRow(line, lineNumber, header, cells, values);
    }

    /// <summary>Reads rows lazily from a UTF-8 (or BOM-marked) stream, which is disposed when enumeration ends.</summary>
    public static IEnumerable<CustomerCsvRow> Read(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        foreach (var row in Read(reader))
            yield return row;
    }

    /// <summary>Reads rows lazily from the file at <paramref name="path"/>, opened when enumeration starts.</summary>
    public static IEnumerable<CustomerCsvRow> ReadFile(string path)
    {
        var options = new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan };
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, options);
        foreach (var row in Read(reader))
            yield return row;
    }

    private static CustomerCsvRow ParseRow(
        string line, int lineNumber, CustomerCsvHeader header, List<ReadOnlyMemory<char>> cells, ReadOnlyMemory<char>[] values)
    {
        if (!CsvLine.TrySplit(line, cells, out var splitError))
            return Invalid(line, lineNumber, splitError!);
        if (cells.Count != header.Columns.Length)
            return Invalid(line, lineNumber,
                $"has {cells.Count} fields but the header has {header.Columns.Length} (is a field with a comma missing its quotes?)");

        for (var i = 0; i < cells.Count; i++)
            values[(int)header.Columns[i]] = cells[i];
        List<CustomerFieldError>? errors = null;
        var record = CustomerFieldValidator.Parse(values, header.HasLabel, ref errors);
        return new CustomerCsvRow(lineNumber, line, record, errors ?? (IReadOnlyList<CustomerFieldError>)[]);
    }

    private static CustomerCsvRow Invalid(string line, int lineNumber, string reason) =>
        new(lineNumber, line, null, [new CustomerFieldError(null, reason)]);

    // A StreamReader drops the BOM itself; a TextReader over decoded text may still start with U+FEFF.
    private static string? ReadHeaderLine(TextReader reader, ref int lineNumber)
    {
        var line = NextNonBlankLine(reader, ref lineNumber);
        if (line is null || line[0] != '\uFEFF')
            return line;
        line = line[1..];
        return string.IsNullOrWhiteSpace(line) ? NextNonBlankLine(reader, ref lineNumber) : line;
    }

    private static string? NextNonBlankLine(TextReader reader, ref int lineNumber)
    {
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
                return line;
        }
        return null;
    }
}
