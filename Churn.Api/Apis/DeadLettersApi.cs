using Churn.Api.Documentation;
using Churn.Domain.DeadLetters;

namespace Churn.Api.Apis;

public static class DeadLettersApi
{
    public static RouteGroupBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/dead-letters").WithTags("Dead letters");

        api.MapGet("", ListDeadLetters).WithName("ListDeadLetters")
            .ProducesValidationProblem()
            .WithSummary("List recorded dead letters, newest first, with the counts by reason kind")
            .WithDescription("Every record of the dead-letter topic as the dead-letter recorder stored it: the poison records of " +
                "the scoring worker (reason, source topic/partition/offset), the inputs ingest rejected (reason, origin) and " +
                "envelopes of records too large, each with a printable excerpt of its value (control characters replaced; " +
                "clients must still encode it for their output). byReasonKind counts every recorded dead letter. " +
                $"pageSize is at most {DeadLetterQuery.MaxPageSize}; a larger or invalid value is a 400 naming the field.")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.DeadLetters);

        return api;
    }

    public static async Task<Ok<DeadLetterPage>> ListDeadLetters(
        [AsParameters] DeadLetterListParameters parameters, [FromServices] IDeadLetterStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.QueryDeadLettersAsync(parameters.ToQuery(), cancellationToken));
}
