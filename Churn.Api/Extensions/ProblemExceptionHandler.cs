using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Churn.Api.Extensions;

/// <summary>
/// Turns exceptions into ProblemDetails. Bad requests (unreadable JSON, a body over the limit) keep their 400/413 status
/// and say which field or limit; anything else is a 500 that leaks nothing. Query values are not checked here: they bind
/// as strings and Microsoft.Extensions.Validation validates them before the handler runs.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Status = 413, Title = "Request body too large", Detail = exception.Message,
            },
            BadHttpRequestException bad => Describe(bad),
            _ => new ProblemDetails { Status = 500, Title = "Unexpected error", Detail = "The error was logged; the request can be retried." },
        };
        if (problem.Status == 500) logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        else logger.LogInformation("Bad request for {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, exception.Message);

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException { Path: { } path } json)
        {
            var field = path.TrimStart('$', '.');
            return Validation(bad.StatusCode, field.Length == 0 ? "body" : field, json.Message.Split(" Path:")[0]);
        }
        return new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message };
    }

    private static HttpValidationProblemDetails Validation(int status, string field, string reason) =>
        new(new Dictionary<string, string[]> { [field] = [reason] }) { Status = status, Title = "One or more validation errors occurred." };
}
