using System.ComponentModel;

namespace Churn.Domain.Api;

public sealed record PublishedCustomers(
    [property: Description("Event ids in request order; a prediction appears under each id once scored.")] IReadOnlyList<string> EventIds);
