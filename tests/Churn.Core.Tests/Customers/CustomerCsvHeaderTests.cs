using Churn.Domain.Customers;
using static Churn.Core.Tests.Customers.CustomerCsvText;

namespace Churn.Core.Tests.Customers;

public class CustomerCsvHeaderTests
{
    [Theory]
    [InlineData("state,account length,area code,international plan,voice mail plan,number vmail messages,total day minutes,total day calls,total day charge,total eve minutes,total eve calls,total eve charge,total night minutes,total night calls,total night charge,total intl minutes,total intl calls,total intl charge,customer service calls,churn")]
    [InlineData("STATE,ACCOUNT_LENGTH,AREA_CODE,INTERNATIONAL_PLAN,VOICE_MAIL_PLAN,NUMBER_VMAIL_MESSAGES,TOTAL_DAY_MINUTES,TOTAL_DAY_CALLS,TOTAL_DAY_CHARGE,TOTAL_EVE_MINUTES,TOTAL_EVE_CALLS,TOTAL_EVE_CHARGE,TOTAL_NIGHT_MINUTES,TOTAL_NIGHT_CALLS,TOTAL_NIGHT_CHARGE,TOTAL_INTL_MINUTES,TOTAL_INTL_CALLS,TOTAL_INTL_CHARGE,CUSTOMER_SERVICE_CALLS,CHURN")]
    [InlineData(" State , Account length ,\"Area code\", International plan,Voice mail plan,Number vmail messages,Total day minutes,Total day calls,Total day charge,Total eve minutes,Total eve calls,Total eve charge,Total night minutes,Total night calls,Total night charge,Total intl minutes,Total intl calls,Total intl charge,Customer service calls,Churn ")]
    public void Header_matching_ignores_case_underscores_and_surrounding_whitespace(string header)
    {
        var row = Assert.Single(ReadLines(header, ValidLine));

        Assert.True(row.IsValid, row.Describe());
        Assert.Equal("LA", row.Record.State);
        Assert.Equal(408, row.Record.AreaCode);
        Assert.False(row.Record.Churn);
    }

    [Fact]
    public void Columns_may_come_in_any_order()
    {
        var header = Header.Split(',');
        var line = ValidLine.Split(',');
        (header[0], header[19]) = (header[19], header[0]);
        (line[0], line[19]) = (line[19], line[0]);

        var row = Assert.Single(ReadLines(string.Join(',', header), string.Join(',', line)));

        Assert.True(row.IsValid, row.Describe());
        Assert.Equal("LA", row.Record.State);
        Assert.False(row.Record.Churn);
    }

    [Fact]
    public void A_file_without_the_churn_column_reads_with_an_unknown_label()
    {
        var line = ValidLine[..ValidLine.LastIndexOf(',')];

        var row = Assert.Single(ReadLines(CustomerColumns.Header(includeLabel: false), line));

        Assert.True(row.IsValid, row.Describe());
        Assert.Null(row.Record.Churn);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var header = Header.Replace("Total day calls,", "");
        var line = ValidLine.Replace(",97,", ",");

        var error = FormatError($"{header}\n{line}\n");

        Assert.Contains("missing column 'Total day calls'", error.Message);
        Assert.StartsWith("Expected a comma-separated file whose header has the BigML churn columns", error.Message);
    }

    [Fact]
    public void An_unknown_column_is_named_with_its_position()
    {
        var error = FormatError(Header.Replace("Total eve calls", "Total evening calls") + ",Phone\n" + ValidLine + ",555");

        Assert.EndsWith(
            "found unknown column 'Total evening calls' (column 11), unknown column 'Phone' (column 21) and missing column 'Total eve calls'.",
            error.Message);
    }

    [Fact]
    public void A_repeated_column_is_named()
    {
        var error = FormatError(Header + ",state\n" + ValidLine + ",LA");

        Assert.Contains("a second 'State' column (column 21)", error.Message);
    }

    [Theory]
    [InlineData(';', "is the delimiter ';'?")]
    [InlineData('\t', "is the delimiter a tab?")]
    [InlineData('|', "is the delimiter '|'?")]
    public void A_wrong_delimiter_is_named_in_one_sentence(char delimiter, string question)
    {
        var text = Header.Replace(',', delimiter) + "\n" + ValidLine.Replace(',', delimiter);

        var error = FormatError(text);

        Assert.StartsWith("Expected a comma-separated file whose header has the BigML churn columns (State, Account length", error.Message);
        Assert.Contains("found a single column 'State" + delimiter + "Account length" + delimiter, error.Message);
        Assert.EndsWith(question, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \r\n")]
    [InlineData("\uFEFF")]
    public void An_empty_file_is_a_format_error(string text)
    {
        var error = FormatError(text);

        Assert.EndsWith("found an empty file.", error.Message);
    }

    [Fact]
    public void A_file_without_a_header_line_is_told_so()
    {
        var error = FormatError(ValidLine + "\n" + ValidLine);

        Assert.Contains("found a first line 'LA,117,408", error.Message);
        Assert.EndsWith("does the file lack a header line?", error.Message);
    }

    [Fact]
    public void The_format_error_is_raised_when_reading_starts_and_names_no_row()
    {
        var rows = CustomerCsvReader.Read(new StringReader("a;b;c\n1;2;3"));

        using var enumerator = rows.GetEnumerator();
        var error = Assert.Throws<CustomerCsvFormatException>(() => enumerator.MoveNext());
        Assert.Single(error.Message.Split(". ", StringSplitOptions.RemoveEmptyEntries));
    }
}
