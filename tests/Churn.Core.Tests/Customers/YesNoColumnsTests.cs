using Churn.Domain.Customers;
using static Churn.Core.Tests.Customers.CustomerCsvText;

namespace Churn.Core.Tests.Customers;

/// <summary>
/// The two plan columns and the label take the usual encodings of a yes/no value — yes/no, true/false, 1/0, in any
/// case and with spaces around — whatever tool wrote the CSV; anything else names the value and the accepted forms.
/// </summary>
public class YesNoColumnsTests
{
    private static readonly CustomerField[] YesNoFields =
        [CustomerField.InternationalPlan, CustomerField.VoiceMailPlan, CustomerField.Churn];

    private static readonly (string Text, bool Value)[] Encodings =
    [
        ("yes", true), ("no", false), ("Yes", true), ("NO", false),
        ("true", true), ("false", false), ("True", true), ("FALSE", false), ("tRuE", true),
        ("1", true), ("0", false),
        (" yes ", true), ("\tFalse", false), (" 1", true), ("0  ", false),
    ];

    public static TheoryData<CustomerField, string, bool> EveryEncodingInEveryColumn()
    {
        var data = new TheoryData<CustomerField, string, bool>();
        foreach (var field in YesNoFields)
        {
            foreach (var (text, value) in Encodings)
            {
                data.Add(field, text, value);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryEncodingInEveryColumn))]
    public void A_usual_encoding_is_read_in_the_plan_and_label_columns(CustomerField field, string text, bool expected)
    {
        var row = ReadOne(LineWith(field, text));

        Assert.True(row.IsValid, row.Describe());
        Assert.Equal(expected, typeof(CustomerRecord).GetProperty(field.ToString())!.GetValue(row.Record));
    }

    [Theory]
    [MemberData(nameof(EveryEncodingInEveryColumn))]
    public void The_validator_accepts_the_same_encodings(CustomerField field, string text, bool expected)
    {
        var parsed = field == CustomerField.Churn
            ? CustomerFieldValidator.TryParseLabel(text, out var value, out var reason)
            : CustomerFieldValidator.TryParsePlan(text, out value, out reason);

        Assert.True(parsed, reason);
        Assert.Equal(expected, value);
    }

    public static TheoryData<CustomerField, string> Unreadable => new()
    {
        { CustomerField.InternationalPlan, "maybe" },
        { CustomerField.InternationalPlan, "2" },
        { CustomerField.VoiceMailPlan, "y" },
        { CustomerField.VoiceMailPlan, "yes please" },
        { CustomerField.Churn, "churned" },
        { CustomerField.Churn, "-1" },
        { CustomerField.Churn, "1.0" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Anything_else_is_an_error_naming_the_value_and_the_accepted_forms(CustomerField field, string text)
    {
        var row = ReadOne(LineWith(field, text));

        var error = Assert.Single(row.Errors);
        Assert.Equal(CustomerColumns.Get(field).Name, error.Column);
        Assert.Equal($"'{text}' is not a yes/no value; accepted: yes/no, true/false or 1/0 (any case)", error.Reason);
    }

    [Theory]
    [InlineData(CustomerField.InternationalPlan)]
    [InlineData(CustomerField.Churn)]
    public void An_empty_value_names_the_accepted_forms(CustomerField field)
    {
        var row = ReadOne(LineWith(field, "  "));

        Assert.Equal("is empty; expected yes/no, true/false or 1/0 (any case)", Assert.Single(row.Errors).Reason);
    }
}
