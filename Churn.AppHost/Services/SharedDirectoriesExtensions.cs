using Churn.AppHost.Infrastructure;

namespace Churn.AppHost.Services;

public static class SharedDirectoriesExtensions
{
    public static IResourceBuilder<ProjectResource> WithSharedDirectories(
        this IResourceBuilder<ProjectResource> project, SharedDirectories directories) =>
        project
            .WithEnvironment(SharedDirectories.DataVariable, directories.Data)
            .WithEnvironment(SharedDirectories.ModelVariable, directories.Model);

    /// <summary>In embedded mode the Api keeps its SQLite store beside the data files, whatever its working directory.</summary>
    public static IResourceBuilder<ProjectResource> WithEmbeddedStore(
        this IResourceBuilder<ProjectResource> api, SharedDirectories directories, InfrastructureResources? infrastructure) =>
        infrastructure is null ? api.WithEnvironment(SharedDirectories.EmbeddedStoreVariable, directories.EmbeddedStore) : api;
}
