using Churn.Domain.Customers;
using static Churn.Core.Tests.Customers.CustomerCsvText;

namespace Churn.Core.Tests.Customers;

public class CustomerCsvWriterTests
{
    private static readonly CustomerRecord Customer = ReadOne(ValidLine).Record!;

    [Fact]
    public void A_written_line_reproduces_the_BigML_line()
    {
        Assert.Equal(ValidLine, CustomerCsvWriter.FormatLine(Customer, includeLabel: true));
        Assert.Equal(ValidLine[..ValidLine.LastIndexOf(',')], CustomerCsvWriter.FormatLine(Customer with { Churn = null }, includeLabel: false));
    }

    [Fact]
    public void Written_records_read_back_equal_including_awkward_doubles()
    {
        var customers = new[]
        {
            Customer,
            Customer with { State = "DC", InternationalPlan = true, TotalDayMinutes = 0.1 + 0.2, TotalIntlCharge = 1e-7, Churn = true },
        };
        var writer = new StringWriter { NewLine = "\r\n" };

        CustomerCsvWriter.Write(writer, customers, includeLabel: true);
        var rows = Read(writer.ToString());

        Assert.StartsWith(Header + "\n", writer.ToString());
        Assert.Equal(customers, rows.Select(r => r.Record));
    }

    [Fact]
    public void Writing_a_label_the_record_lacks_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => CustomerCsvWriter.FormatLine(Customer with { Churn = null }, includeLabel: true));

        Assert.Contains("no Churn label", error.Message);
    }
}
