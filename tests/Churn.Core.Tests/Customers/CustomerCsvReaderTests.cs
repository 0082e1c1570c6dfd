using System.Text;
using Churn.Domain.Customers;
using static Churn.Core.Tests.Customers.CustomerCsvText;

namespace Churn.Core.Tests.Customers;

public class CustomerCsvReaderTests
{
    [Fact]
    public void A_bad_row_in_the_middle_does_not_stop_the_rest_and_line_numbers_are_right()
    {
        var rows = ReadLines(Header, ValidLine, LineWith(CustomerField.TotalDayCalls, "lots"), "", ValidLine, ValidLine);

        Assert.Equal([2, 3, 5, 6], rows.Select(r => r.LineNumber));
        Assert.Equal([true, false, true, true], rows.Select(r => r.IsValid));
        var bad = rows[1];
        Assert.Equal(LineWith(CustomerField.TotalDayCalls, "lots"), bad.RawLine);
        Assert.Equal(new CustomerFieldError("Total day calls", "'lots' is not a whole number"), Assert.Single(bad.Errors));
    }

    [Theory]
    [InlineData("LA,117,408,No,No,0,184.5,97,31.37,351.6,80,29.89,215.8,90,9.71,8.7,4,2.35,1", "has 19 fields but the header has 20")]
    [InlineData("LA,117,408,No,No,0,184,5,97,31.37,351.6,80,29.89,215.8,90,9.71,8.7,4,2.35,1,False", "has 21 fields but the header has 20")]
    [InlineData("\"LA,117,408,No,No,0,184.5,97,31.37,351.6,80,29.89,215.8,90,9.71,8.7,4,2.35,1,False", "is not closed before the end of the line")]
    [InlineData("\"LA\"x,117,408,No,No,0,184.5,97,31.37,351.6,80,29.89,215.8,90,9.71,8.7,4,2.35,1,False", "unexpected character 'x' after the closing quote")]
    public void A_malformed_row_is_a_row_error_and_reading_continues(string badLine, string reason)
    {
        var rows = ReadLines(Header, badLine, ValidLine);

        var error = Assert.Single(rows[0].Errors);
        Assert.Null(error.Column);
        Assert.Contains(reason, error.Reason);
        Assert.Equal(2, rows[0].LineNumber);
        Assert.True(rows[1].IsValid);
        Assert.Equal(3, rows[1].LineNumber);
    }

    [Fact]
    public void Quoted_fields_with_commas_and_doubled_quotes_are_unquoted()
    {
        var quotedState = "\"LA\"," + ValidLine["LA,".Length..];
        var embedded = LineWith(CustomerField.State, "\"L\"\"A\"");
        var withComma = LineWith(CustomerField.State, "\"L,A\"");

        var rows = ReadLines(Header, quotedState, embedded, withComma);

        Assert.True(rows[0].IsValid, rows[0].Describe());
        Assert.Equal("LA", rows[0].Record!.State);
        Assert.Equal("'L\"A' is not a two-letter US state code (50 states and DC)", Assert.Single(rows[1].Errors).Reason);
        Assert.Equal("'L,A' is not a two-letter US state code (50 states and DC)", Assert.Single(rows[2].Errors).Reason);
    }

    [Fact]
    public void CRLF_line_ends_a_BOM_and_trailing_blank_lines_are_accepted()
    {
        var text = "\uFEFF" + Header + "\r\n" + ValidLine + "\r\n" + ValidLine + "\r\n\r\n   \r\n\r\n";
        var bytes = Encoding.UTF8.GetBytes(text);

        var fromStream = CustomerCsvReader.Read(new MemoryStream(bytes)).ToList();
        var fromText = Read(text);

        foreach (var rows in new[] { fromStream, fromText })
        {
            Assert.Equal([2, 3], rows.Select(r => r.LineNumber));
            Assert.All(rows, r => Assert.True(r.IsValid, r.Describe()));
            Assert.Equal(ValidLine, rows[0].RawLine);
        }
    }

    [Fact]
    public void The_file_is_streamed_rows_arrive_before_the_input_ends()
    {
        using var endless = new EndlessCsvReader();

        var first = CustomerCsvReader.Read(endless).Take(3).ToList();

        Assert.Equal([2, 3, 4], first.Select(r => r.LineNumber));
        Assert.Equal(4, endless.LinesServed);
    }

    [Fact]
    public void ReadFile_reads_a_file_from_disk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"churn-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, Header + "\n" + ValidLine + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var row = Assert.Single(CustomerCsvReader.ReadFile(path));

            Assert.True(row.IsValid, row.Describe());
            Assert.Equal(117, row.Record.AccountLength);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A header followed by valid rows forever: reading it whole would never finish.</summary>
    private sealed class EndlessCsvReader : TextReader
    {
        public int LinesServed { get; private set; }

        public override string ReadLine() => LinesServed++ == 0 ? Header : ValidLine;
    }
}
