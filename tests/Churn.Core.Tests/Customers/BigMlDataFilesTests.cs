using Churn.Domain.Customers;
using Churn.Testing;

namespace Churn.Core.Tests.Customers;

/// <summary>The contract against the real BigML files in data/ (gitignored; skipped with a reason when absent).</summary>
public class BigMlDataFilesTests
{
    [Theory]
    [InlineData("churn-bigml-20.csv", 667, 95)]
    [InlineData("churn-bigml-80.csv", 2666, 388)]
    public void Every_row_of_the_real_file_is_valid_and_the_churners_are_counted(string fileName, int rows, int churners)
    {
        var path = RepositoryPaths.Data(fileName);
        Assert.SkipUnless(File.Exists(path), $"{path} is missing: copy the BigML churn files into data/ to run this test.");

        var read = CustomerCsvReader.ReadFile(path).ToList();

        Assert.All(read, r => Assert.True(r.IsValid, r.Describe()));
        Assert.Equal(rows, read.Count);
        Assert.Equal(churners, read.Count(r => r.Record!.Churn == true));
        Assert.Equal(rows + 1, read[^1].LineNumber);
    }

    [Fact]
    public void Every_real_record_reads_back_equal_after_the_writer_formats_it()
    {
        var path = RepositoryPaths.Data("churn-bigml-20.csv");
        Assert.SkipUnless(File.Exists(path), $"{path} is missing: copy the BigML churn files into data/ to run this test.");

        var original = CustomerCsvReader.ReadFile(path).Select(r => r.Record!).ToList();
        var written = new StringWriter();

        CustomerCsvWriter.Write(written, original, includeLabel: true);

        Assert.Equal(original, CustomerCsvReader.Read(new StringReader(written.ToString())).Select(r => r.Record));
    }
}
