using Churn.Domain.Customers;

namespace Churn.Core.Tests.Customers;

/// <summary>Builds BigML CSV text for tests: the real header and a real row from churn-bigml-20.csv.</summary>
internal static class CustomerCsvText
{
    public static readonly string Header = CustomerColumns.Header(includeLabel: true);

    public const string ValidLine = "LA,117,408,No,No,0,184.5,97,31.37,351.6,80,29.89,215.8,90,9.71,8.7,4,2.35,1,False";

    /// <summary><see cref="ValidLine"/> with one field replaced.</summary>
    public static string LineWith(CustomerField field, string value)
    {
        var fields = ValidLine.Split(',');
        fields[(int)field] = value;
        return string.Join(',', fields);
    }

    public static List<CustomerCsvRow> Read(string text) => CustomerCsvReader.Read(new StringReader(text)).ToList();

    public static List<CustomerCsvRow> ReadLines(params string[] lines) => Read(string.Join('\n', lines));

    public static CustomerCsvRow ReadOne(string dataLine) => Assert.Single(ReadLines(Header, dataLine));

    public static CustomerCsvFormatException FormatError(string text) =>
        Assert.Throws<CustomerCsvFormatException>(() => Read(text));
}
