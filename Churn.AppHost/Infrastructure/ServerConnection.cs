namespace Churn.AppHost.Infrastructure;

/// <summary>
/// A connection string the services reference, and the server resource they must wait for when the AppHost runs
/// it (null for an external server, which the AppHost neither starts nor watches).
/// </summary>
public sealed record ServerConnection(
    IResourceBuilder<IResourceWithConnectionString> ConnectionString,
    IResourceBuilder<IResource>? Server);
