namespace Churn.Domain.Customers;

public static partial class CustomerFieldValidator
{
    /// <summary>
    /// The hot path shared by <see cref="TryParse"/> and the CSV reader: <paramref name="values"/> holds one text per
    /// column in <see cref="CustomerField"/> order. Returns null and appends to <paramref name="errors"/> (allocated on
    /// the first error only) when any field is invalid.
    /// </summary>
    internal static CustomerRecord? Parse(
        ReadOnlySpan<ReadOnlyMemory<char>> values, bool hasLabel, ref List<CustomerFieldError>? errors)
    {
        var row = new RowParser(values);
        var record = new CustomerRecord
        {
            State = row.State(),
            AccountLength = row.Count(CustomerField.AccountLength),
            AreaCode = row.AreaCode(),
            InternationalPlan = row.Plan(CustomerField.InternationalPlan),
            VoiceMailPlan = row.Plan(CustomerField.VoiceMailPlan),
            NumberVmailMessages = row.Count(CustomerField.NumberVmailMessages),
            TotalDayMinutes = row.Amount(CustomerField.TotalDayMinutes),
            TotalDayCalls = row.Count(CustomerField.TotalDayCalls),
            TotalDayCharge = row.Amount(CustomerField.TotalDayCharge),
            TotalEveMinutes = row.Amount(CustomerField.TotalEveMinutes),
            TotalEveCalls = row.Count(CustomerField.TotalEveCalls),
            TotalEveCharge = row.Amount(CustomerField.TotalEveCharge),
            TotalNightMinutes = row.Amount(CustomerField.TotalNightMinutes),
            TotalNightCalls = row.Count(CustomerField.TotalNightCalls),
            TotalNightCharge = row.Amount(CustomerField.TotalNightCharge),
            TotalIntlMinutes = row.Amount(CustomerField.TotalIntlMinutes),
            TotalIntlCalls = row.Count(CustomerField.TotalIntlCalls),
            TotalIntlCharge = row.Amount(CustomerField.TotalIntlCharge),
            CustomerServiceCalls = row.Count(CustomerField.CustomerServiceCalls),
            Churn = hasLabel ? row.Label() : null,
        };
        if (row.Errors is null)
            return record;
        (errors ??= []).AddRange(row.Errors);
        return null;
    }

    private ref struct RowParser
    {
        private readonly ReadOnlySpan<ReadOnlyMemory<char>> _values;
        public List<CustomerFieldError>? Errors;

        public RowParser(ReadOnlySpan<ReadOnlyMemory<char>> values) => _values = values;

        public string State() =>
            TryParseState(Text(CustomerField.State), out var v, out var reason) ? v : Fail(CustomerField.State, reason, v);

        public int Count(CustomerField field) =>
            TryParseCount(Text(field), out var v, out var reason) ? v : Fail(field, reason, v);

        public int AreaCode() =>
            TryParseAreaCode(Text(CustomerField.AreaCode), out var v, out var reason) ? v : Fail(CustomerField.AreaCode, reason, v);

        public double Amount(CustomerField field) =>
            TryParseAmount(Text(field), out var v, out var reason) ? v : Fail(field, reason, v);

        public bool Plan(CustomerField field) =>
            TryParsePlan(Text(field), out var v, out var reason) ? v : Fail(field, reason, v);

        public bool? Label() =>
            TryParseLabel(Text(CustomerField.Churn), out var v, out var reason) ? v : Fail(CustomerField.Churn, reason, v);

        private readonly ReadOnlySpan<char> Text(CustomerField field) => _values[(int)field].Span;

        private T Fail<T>(CustomerField field, string reason, T placeholder)
        {
            (Errors ??= []).Add(Error(field, reason));
            return placeholder;
        }
    }
}
