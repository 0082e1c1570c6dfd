using System.ComponentModel;

namespace Churn.Domain.Api;

public sealed record ModelsResponse(
    [property: Description("Version currently serving, null when no model is loaded.")] string? Serving,
    IReadOnlyList<ModelSummary> Models);

public sealed record ModelSummary(string Version, DateTimeOffset Created, string Algorithm, double Auc, double F1, double Threshold, bool Serving);

public sealed record PublishedCustomers(
    [property: Description("Event ids in request order; a prediction appears under each id once scored.")] IReadOnlyList<string> EventIds);
