using System.ComponentModel;

namespace Churn.Domain.Api;

public sealed record ModelsResponse(
    [property: Description("Version currently serving, null when no model is loaded.")] string? Serving,
    IReadOnlyList<ModelSummary> Models);
