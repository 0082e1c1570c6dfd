using Churn.AppHost.Infrastructure;
using Churn.AppHost.Services;
using Churn.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Churn.AppHost.Tests;

/// <summary>Builds the AppHost's application model with the given configuration, without starting anything.</summary>
internal static class AppModel
{
    /// <summary>
    /// The model as the AppHost builds it from <paramref name="args"/>; skipped, with the AppHost's own message, in a
    /// clone where the AppHost would refuse to start (no model and not the data files to train one).
    /// </summary>
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync(params string[] args)
    {
        var directories = new SharedDirectories(
            Argument(args, "Churn:DataDirectory") ?? RepositoryPaths.DataDirectory,
            Argument(args, "Churn:ModelDirectory") ?? RepositoryPaths.Artifacts("model"));
        var preflight = DataPreflight.Check(directories);
        Assert.SkipWhen(preflight.Outcome == DataPreflightOutcome.Refused, preflight.Message);
        return DistributedApplicationTestingBuilder.CreateAsync<Projects.Churn_AppHost>(args, TestContext.Current.CancellationToken);
    }

    private static string? Argument(string[] args, string key) =>
        args.Select(arg => arg.StartsWith($"--{key}=", StringComparison.Ordinal) ? arg[(key.Length + 3)..] : null).LastOrDefault(value => value is not null);

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
