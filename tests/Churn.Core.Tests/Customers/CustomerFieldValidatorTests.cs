using Churn.Domain.Customers;
using static Churn.Core.Tests.Customers.CustomerCsvText;

namespace Churn.Core.Tests.Customers;

/// <summary>The validator other components (API, ingest) call directly, with the same rules as the CSV reader.</summary>
public class CustomerFieldValidatorTests
{
    private static readonly CustomerRecord Customer = ReadOne(ValidLine).Record!;

    [Fact]
    public void Field_values_in_column_order_parse_into_the_same_record_as_the_csv_reader()
    {
        var ok = CustomerFieldValidator.TryParse(ValidLine.Split(','), out var record, out var errors);

        Assert.True(ok);
        Assert.Empty(errors);
        Assert.Equal(Customer, record);
    }

    [Fact]
    public void A_null_or_absent_label_means_unknown()
    {
        var features = ValidLine.Split(',')[..19];

        Assert.True(CustomerFieldValidator.TryParse(features, out var withoutLabel, out _));
        Assert.True(CustomerFieldValidator.TryParse([.. features, null], out var nullLabel, out _));
        Assert.Null(withoutLabel.Churn);
        Assert.Null(nullLabel.Churn);
    }

    [Fact]
    public void Invalid_values_return_every_error_and_no_record()
    {
        var values = ValidLine.Split(',');
        values[(int)CustomerField.State] = "Texas";
        values[(int)CustomerField.TotalEveCharge] = "-1";

        Assert.False(CustomerFieldValidator.TryParse(values, out var record, out var errors));
        Assert.Null(record);
        Assert.Equal(["State", "Total eve charge"], errors.Select(e => e.Column));
    }

    [Fact]
    public void The_wrong_number_of_values_is_a_whole_row_error()
    {
        Assert.False(CustomerFieldValidator.TryParse(["LA", "117"], out _, out var errors));

        Assert.Equal(new CustomerFieldError(null, "has 2 values; expected 19 features and an optional label"), Assert.Single(errors));
    }

    [Fact]
    public void A_valid_typed_record_has_no_errors()
    {
        Assert.Empty(CustomerFieldValidator.Validate(Customer));
    }

    [Fact]
    public void A_typed_record_is_checked_against_the_same_rules()
    {
        var bad = Customer with
        {
            State = "tx", AreaCode = 12, TotalDayCalls = -1, TotalEveMinutes = double.NaN, TotalNightCharge = -0.5,
        };

        var errors = CustomerFieldValidator.Validate(bad);

        Assert.Equal(["State", "Area code", "Total day calls", "Total eve minutes", "Total night charge"], errors.Select(e => e.Column));
        Assert.Equal("'tx' is not an upper-case two-letter US state code (50 states and DC)", errors[0].Reason);
        Assert.Equal("-1 is negative; expected a whole number ≥ 0", errors[2].Reason);
        Assert.Equal("NaN is not a finite number", errors[3].Reason);
    }

    [Fact]
    public void The_column_table_has_the_20_BigML_columns_and_51_state_codes_are_accepted()
    {
        Assert.Equal(20, CustomerColumns.All.Count);
        Assert.Equal(CustomerColumns.All.Select(c => c.Field), Enum.GetValues<CustomerField>());
        Assert.Equal("totalDayMinutes", CustomerColumns.Find("total_day_minutes")!.PropertyName);
        Assert.Equal(CustomerField.CustomerServiceCalls, CustomerColumns.Find("CustomerServiceCalls")!.Field);
        Assert.Null(CustomerColumns.Find("Phone number"));

        var states = "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY".Split(' ');
        Assert.Equal(51, states.Length);
        Assert.All(states, s => Assert.True(CustomerFieldValidator.TryParseState(s.ToLowerInvariant(), out var code, out _) && code == s));
    }
}
