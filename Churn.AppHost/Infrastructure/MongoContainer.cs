using Churn.AppHost.HealthChecks;

namespace Churn.AppHost.Infrastructure;

/// <summary>
/// MongoDB 8 with a root user <c>admin</c> whose password is a generated secret parameter, configured as
/// Aspire.Hosting.MongoDB does. The connection string names the <c>churn</c> database and authenticates against admin.
/// </summary>
public static class MongoContainer
{
    public const string ResourceName = "mongo";
    public const string PasswordParameterName = "mongo-password";
    public const string Registry = "docker.io";
    public const string Image = "library/mongo";
    public const string Tag = "8.3";
    public const string EndpointName = "tcp";
    public const int Port = 27017;
    public const string UserName = "admin";
    public const string DatabaseName = "churn";

    public static ServerConnection AddMongoContainer(this IDistributedApplicationBuilder builder)
    {
        var password = builder.AddParameter(
            PasswordParameterName,
            new GenerateParameterDefault { MinLength = 22, Special = false },
            secret: true,
            persist: true);

        var server = builder.AddContainer(ResourceName, Image, Tag)
            .WithImageRegistry(Registry)
            .WithEndpoint(targetPort: Port, name: EndpointName)
            .WithEnvironment("MONGO_INITDB_ROOT_USERNAME", UserName)
            .WithEnvironment("MONGO_INITDB_ROOT_PASSWORD", password);

        var endpoint = server.GetEndpoint(EndpointName);
        var connectionString = ReferenceExpression.Create(
            $"mongodb://{UserName}:{password:uri}@{endpoint.Property(EndpointProperty.HostAndPort)}/{DatabaseName}?authSource=admin&authMechanism=SCRAM-SHA-256");
        server.WithReadinessCheck(new MongoPingHealthCheck(connectionString));

        return new ServerConnection(builder.AddConnectionString(ConnectionNames.MongoDb, connectionString), server);
    }
}
