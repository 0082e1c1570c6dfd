using Churn.Domain.Customers;
using static Churn.Core.Tests.Customers.CustomerCsvText;

namespace Churn.Core.Tests.Customers;

/// <summary>Every field rule of the contract, each with values it accepts and values it rejects (read through the CSV reader).</summary>
public class CustomerFieldRulesTests
{
    public static TheoryData<CustomerField, string, object> AcceptedValues => new()
    {
        { CustomerField.State, "CA", "CA" },
        { CustomerField.State, "dc", "DC" },
        { CustomerField.State, " ny ", "NY" },
        { CustomerField.AccountLength, "0", 0 },
        { CustomerField.AccountLength, "243", 243 },
        { CustomerField.AreaCode, "510", 510 },
        { CustomerField.InternationalPlan, "yes", true },
        { CustomerField.InternationalPlan, "No", false },
        { CustomerField.VoiceMailPlan, "YES", true },
        { CustomerField.NumberVmailMessages, "51", 51 },
        { CustomerField.TotalDayMinutes, "0", 0.0 },
        { CustomerField.TotalDayMinutes, "350.8", 350.8 },
        { CustomerField.TotalDayCharge, "1.5e1", 15.0 },
        { CustomerField.TotalEveCalls, "170", 170 },
        { CustomerField.TotalNightCharge, "17.77", 17.77 },
        { CustomerField.TotalIntlCalls, "0", 0 },
        { CustomerField.CustomerServiceCalls, "9", 9 },
        { CustomerField.Churn, "True", true },
        { CustomerField.Churn, "false", false },
        { CustomerField.Churn, "TRUE", true },
    };

    [Theory]
    [MemberData(nameof(AcceptedValues))]
    public void A_valid_value_is_parsed_into_the_record(CustomerField field, string text, object expected)
    {
        var row = ReadOne(LineWith(field, text));

        Assert.True(row.IsValid, row.Describe());
        Assert.Empty(row.Errors);
        Assert.Equal(expected, typeof(CustomerRecord).GetProperty(field.ToString())!.GetValue(row.Record));
    }

    public static TheoryData<CustomerField, string, string> RejectedValues => new()
    {
        { CustomerField.State, "XX", "is not a two-letter US state code" },
        { CustomerField.State, "California", "is not a two-letter US state code" },
        { CustomerField.State, "PR", "is not a two-letter US state code" },
        { CustomerField.State, "", "is empty" },
        { CustomerField.AccountLength, "-1", "is negative" },
        { CustomerField.AccountLength, "12.5", "is not a whole number" },
        { CustomerField.AccountLength, "99999999999", "is too large" },
        { CustomerField.AreaCode, "4o8", "is not an integer" },
        { CustomerField.AreaCode, "40", "is not a three-digit area code" },
        { CustomerField.AreaCode, "-415", "is not a three-digit area code" },
        { CustomerField.InternationalPlan, "maybe", "'maybe' is not a yes/no value; accepted: yes/no, true/false or 1/0" },
        { CustomerField.VoiceMailPlan, "", "is empty" },
        { CustomerField.NumberVmailMessages, "many", "is not a whole number" },
        { CustomerField.TotalDayMinutes, "-0.5", "is negative" },
        { CustomerField.TotalDayMinutes, "NaN", "is not a finite number" },
        { CustomerField.TotalEveMinutes, "Infinity", "is not a finite number" },
        { CustomerField.TotalDayCharge, "\"31,37\"", "is not a number" },
        { CustomerField.TotalNightMinutes, "abc", "is not a number" },
        { CustomerField.TotalIntlCharge, "", "is empty" },
        { CustomerField.TotalDayCalls, "1e2", "is not a whole number" },
        { CustomerField.TotalEveCalls, "-3", "is negative" },
        { CustomerField.TotalNightCalls, "7.0", "is not a whole number" },
        { CustomerField.TotalIntlCalls, "x", "is not a whole number" },
        { CustomerField.CustomerServiceCalls, "-1", "is negative" },
        { CustomerField.Churn, "churned", "'churned' is not a yes/no value; accepted: yes/no, true/false or 1/0" },
        { CustomerField.Churn, "", "is empty" },
    };

    [Theory]
    [MemberData(nameof(RejectedValues))]
    public void An_invalid_value_is_reported_with_its_column_and_reason(CustomerField field, string text, string reason)
    {
        var row = ReadOne(LineWith(field, text));

        Assert.False(row.IsValid);
        Assert.Null(row.Record);
        var error = Assert.Single(row.Errors);
        Assert.Equal(CustomerColumns.Get(field).Name, error.Column);
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void Every_error_of_a_row_is_reported_not_just_the_first()
    {
        var line = "ZZ,-5,408,No,perhaps,0,184.5,97,31.37,351.6,80,29.89,215.8,ninety,9.71,8.7,4,2.35,1,Maybe";

        var row = ReadOne(line);

        Assert.Equal(
            ["State", "Account length", "Voice mail plan", "Total night calls", "Churn"],
            row.Errors.Select(e => e.Column));
        Assert.Equal(2, row.LineNumber);
        Assert.StartsWith("line 2: State: 'ZZ' is not a two-letter US state code", row.Describe());
    }

    [Fact]
    public void A_decimal_comma_is_rejected_because_numbers_are_invariant_culture()
    {
        var row = ReadOne(LineWith(CustomerField.TotalDayMinutes, "\"184,5\""));

        Assert.Contains("'.' as the decimal separator", Assert.Single(row.Errors).Reason);
    }
}
