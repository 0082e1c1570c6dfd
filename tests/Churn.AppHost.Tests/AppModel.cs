using Microsoft.Extensions.Logging.Abstractions;

namespace Churn.AppHost.Tests;

/// <summary>Builds the AppHost's application model with the given configuration, without starting anything.</summary>
internal static class AppModel
{
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync(params string[] args) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.Churn_AppHost>(args, TestContext.Current.CancellationToken);

    public static T Single<T>(this IDistributedApplicationTestingBuilder builder, string name) where T : IResource =>
        Assert.IsType<T>(Assert.Single(builder.Resources, resource => resource.Name == name), exactMatch: false);

    /// <summary>The resource's environment as publish mode renders it: values are expressions such as {kafka.connectionString}.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync(this IResource resource) =>
        (await Configuration(resource).WithEnvironmentVariablesConfig().BuildAsync(
            PublishContext, NullLogger.Instance, TestContext.Current.CancellationToken)).EnvironmentVariables.ToDictionary();

    public static async Task<IReadOnlyList<string>> ArgumentsAsync(this IResource resource) =>
        [.. (await Configuration(resource).WithArgumentsConfig().BuildAsync(
            PublishContext, NullLogger.Instance, TestContext.Current.CancellationToken)).Arguments.Select(argument => argument.Value)];

    private static DistributedApplicationExecutionContext PublishContext => new(DistributedApplicationOperation.Publish);

    private static IExecutionConfigurationBuilder Configuration(IResource resource) => ExecutionConfigurationBuilder.Create(resource);

    public static EndpointAnnotation Endpoint(this IResource resource, string name) =>
        Assert.Single(resource.Annotations.OfType<EndpointAnnotation>(), endpoint => endpoint.Name == name);

    /// <summary>Pretends DCP allocated the endpoint, so expressions that use it can be evaluated.</summary>
    public static void Allocate(this IResource resource, string endpointName, int port)
    {
        var endpoint = resource.Endpoint(endpointName);
        endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "localhost", port);
    }
}
