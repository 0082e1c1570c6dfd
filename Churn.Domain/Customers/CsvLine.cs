namespace Churn.Domain.Customers;

/// <summary>
/// Splits one CSV line (RFC 4180: comma-separated, fields optionally in double quotes, "" for a quote inside quotes)
/// into slices of the line; only a quoted field with doubled quotes allocates. No field of the customer contract can
/// hold a line break, so a quote left open at the end of the line is an error of that row alone.
/// </summary>
internal static class CsvLine
{
    public static bool TrySplit(string line, List<ReadOnlyMemory<char>> fields, out string? error)
    {
        fields.Clear();
        var position = 0;
        while (true)
        {
            var start = position;
            while (start < line.Length && line[start] == ' ')
                start++;
            if (start < line.Length && line[start] == '"')
            {
                if (!TryReadQuoted(line, start, fields, out position, out error))
                    return false;
            }
            else
            {
                var comma = line.IndexOf(',', position);
                var end = comma < 0 ? line.Length : comma;
                fields.Add(line.AsMemory(position, end - position));
                position = end;
            }
            if (position >= line.Length)
            {
                error = null;
                return true;
            }
            position++; // past the comma
        }
    }

    private static bool TryReadQuoted(
        string line, int openQuote, List<ReadOnlyMemory<char>> fields, out int position, out string? error)
    {
        var start = openQuote + 1;
        var close = line.IndexOf('"', start);
        var hasDoubledQuotes = false;
        while (close >= 0 && close + 1 < line.Length && line[close + 1] == '"')
        {
            hasDoubledQuotes = true;
            close = line.IndexOf('"', close + 2);
        }
        if (close < 0)
        {
            position = line.Length;
            error = $"the quoted field starting at character {openQuote + 1} is not closed before the end of the line";
            return false;
        }
        var content = line.AsMemory(start, close - start);
        fields.Add(hasDoubledQuotes ? content.ToString().Replace("\"\"", "\"").AsMemory() : content);

        position = close + 1;
        while (position < line.Length && line[position] == ' ')
            position++;
        if (position < line.Length && line[position] != ',')
        {
            error = $"unexpected character '{line[position]}' after the closing quote at character {close + 1}";
            return false;
        }
        error = null;
        return true;
    }
}
