namespace Churn.Domain.Customers;

/// <summary>
/// The file as a whole cannot be read as BigML churn data (empty, no header, wrong delimiter, missing or unknown
/// columns). The message is one sentence telling the user what was expected and what was found.
/// </summary>
public sealed class CustomerCsvFormatException(string message) : FormatException(message);
