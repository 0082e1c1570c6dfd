using System.Text.Json;

namespace Churn.Api.Validation;

/// <summary>
/// Microsoft.Extensions.Validation keys an error by the C# member path (<c>PageSize</c>, <c>Customers[0].State</c>);
/// clients name fields the way the query string and the JSON bodies do, in camelCase. Every validation problem written
/// gets its keys camelCased segment by segment (<c>pageSize</c>), so all 400s name a field one way. A header is named
/// as sent (<c>Idempotency-Key</c>): a segment with a '-' is a header name, never a C# member.
/// </summary>
public static class ValidationErrorKeys
{
    public static void CamelCase(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not HttpValidationProblemDetails validation) return;
        validation.Errors = validation.Errors
            .GroupBy(error => ToCamelCase(error.Key))
            .ToDictionary(group => group.Key, group => group.SelectMany(error => error.Value).ToArray());
    }

    public static string ToCamelCase(string path) =>
        string.Join('.', path.Split('.').Select(segment => segment.Contains('-') ? segment : JsonNamingPolicy.CamelCase.ConvertName(segment)));
}
