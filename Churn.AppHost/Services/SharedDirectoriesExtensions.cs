using Churn.AppHost.Infrastructure;

namespace Churn.AppHost.Services;

public static class SharedDirectoriesExtensions
{
    public static IResourceBuilder<ProjectResource> WithSharedDirectories(
        this IResourceBuilder<ProjectResource> project, SharedDirectories directories) =>
        project
            .WithEnvironment(SharedDirectories.DataVariable, directories.Data)
            .WithEnvironment(SharedDirectories.ModelVariable, directories.Model);

    /// <summary>
    /// When the store is SQLite (embedded and external-Kafka modes) every service that opens it uses the one file beside
    /// the data files, whatever its working directory: Scoring writes it, the Api reads it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSqliteStore(
        this IResourceBuilder<ProjectResource> project, SharedDirectories directories, InfrastructureResources? infrastructure) =>
        infrastructure.Store() == "sqlite"
            ? project.WithEnvironment(SharedDirectories.SqliteStoreVariable, directories.SqliteStore)
            : project;
}
