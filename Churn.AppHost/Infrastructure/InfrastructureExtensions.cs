namespace Churn.AppHost.Infrastructure;

public static class InfrastructureExtensions
{
    public static InfrastructureResources? AddInfrastructure(this IDistributedApplicationBuilder builder, InfrastructureMode mode) =>
        mode switch
        {
            InfrastructureMode.Containers => new(builder.AddKafkaContainer(), builder.AddMongoContainer()),
            InfrastructureMode.External => new(
                new(builder.AddConnectionString(ConnectionNames.Kafka), Server: null),
                new(builder.AddConnectionString(ConnectionNames.MongoDb), Server: null)),
            InfrastructureMode.ExternalKafka => new(new(builder.AddConnectionString(ConnectionNames.Kafka), Server: null), MongoDb: null),
            _ => null,
        };

    /// <summary>Injects ConnectionStrings__{name} and, for a server the AppHost runs, waits until it is healthy.</summary>
    public static IResourceBuilder<ProjectResource> WithConnection(
        this IResourceBuilder<ProjectResource> project, ServerConnection? connection)
    {
        if (connection is null)
        {
            return project;
        }

        project.WithReference(connection.ConnectionString);
        return connection.Server is null ? project : project.WaitFor(connection.Server);
    }
}
