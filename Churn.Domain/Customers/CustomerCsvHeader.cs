namespace Churn.Domain.Customers;

/// <summary>
/// The header line of a customer CSV file: which contract column each file column holds. Anything that keeps the
/// file from being read as the BigML schema throws one <see cref="CustomerCsvFormatException"/> naming the problem.
/// </summary>
internal sealed class CustomerCsvHeader
{
    private const string Expected =
        "a comma-separated file whose header has the BigML churn columns (State, Account length, Area code, …, " +
        "Customer service calls, and optionally Churn)";

    private CustomerCsvHeader(CustomerField[] columns)
    {
        Columns = columns;
        HasLabel = columns.Contains(CustomerField.Churn);
    }

    /// <summary>The contract column of each file column, in file order.</summary>
    public CustomerField[] Columns { get; }

    public bool HasLabel { get; }

    public static CustomerCsvHeader Parse(string? line)
    {
        if (line is null)
            throw new CustomerCsvFormatException($"Expected {Expected}; found an empty file.");
        var cells = new List<ReadOnlyMemory<char>>();
        if (!CsvLine.TrySplit(line, cells, out var error))
            throw new CustomerCsvFormatException($"Expected {Expected}; found a header line where {error}: {Quote(line)}.");
        if (cells.Count == 1 && OtherDelimiter(line) is { } delimiter)
            throw new CustomerCsvFormatException(
                $"Expected {Expected}; found a single column {Quote(line)} — is the delimiter {delimiter}?");

        var columns = new CustomerField[cells.Count];
        var problems = new List<string>();
        var seen = new HashSet<CustomerField>();
        for (var i = 0; i < cells.Count; i++)
        {
            var name = cells[i].ToString();
            if (CustomerColumns.Find(name) is not { } column)
                problems.Add($"unknown column {Quote(name)} (column {i + 1})");
            else if (!seen.Add(column.Field))
                problems.Add($"a second '{column.Name}' column (column {i + 1})");
            else
                columns[i] = column.Field;
        }
        if (seen.Count == 0)
            throw new CustomerCsvFormatException(
                $"Expected {Expected}; found a first line {Quote(line)} that names none of them — does the file lack a header line?");

        var missing = CustomerColumns.All
            .Where(c => c.Field != CustomerField.Churn && !seen.Contains(c.Field))
            .Select(c => $"'{c.Name}'")
            .ToList();
        if (missing.Count > 0)
            problems.Add($"missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}");
        if (problems.Count > 0)
            throw new CustomerCsvFormatException($"Expected {Expected}; found {JoinAsProse(problems)}.");
        return new CustomerCsvHeader(columns);
    }

    private static string JoinAsProse(List<string> parts) =>
        parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";

    private static string? OtherDelimiter(string line) =>
        line.Contains(';') ? "';'" : line.Contains('\t') ? "a tab" : line.Contains('|') ? "'|'" : null;

    private static string Quote(string text) => text.Length <= 80 ? $"'{text}'" : $"'{text[..80]}…'";
}
