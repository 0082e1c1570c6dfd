using System.ComponentModel.DataAnnotations;
using Microsoft.OpenApi;

namespace Churn.Api.Validation;

/// <summary>
/// A rule for one raw query-string value. The endpoints bind query values as strings, so binding never fails; these
/// attributes say what each value must be, Microsoft.Extensions.Validation runs them before the handler (a failure is
/// a 400 ValidationProblem naming the parameter), and <see cref="Describe"/> documents the parsed type in OpenAPI.
/// An absent or empty value passes: it means the parameter's default.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public abstract class QueryValueAttribute : ValidationAttribute
{
    protected sealed override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && !QueryValue.IsAbsent(text) && Check(text) is { } reason
            ? new ValidationResult(reason)
            : ValidationResult.Success;

    /// <summary>Why <paramref name="text"/> is not acceptable, or null when it is.</summary>
    protected abstract string? Check(string text);

    /// <summary>Turns the string schema of the bound value into the schema of what it must be.</summary>
    public abstract void Describe(OpenApiSchema schema);
}
