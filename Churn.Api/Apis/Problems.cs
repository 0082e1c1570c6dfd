namespace Churn.Api.Apis;

/// <summary>The ProblemDetails responses the endpoints share.</summary>
internal static class Problems
{
    public static ProblemHttpResult NoModel() => TypedResults.Problem(
        title: "No model is serving",
        detail: "No valid model is loaded yet. Train one (Churn.Trainer) or fix the model location, then reload.",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);
}
