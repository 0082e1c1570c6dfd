namespace Churn.AppHost.Tests;

/// <summary>A resource's environment before publish-mode rendering.</summary>
internal static class RawEnvironment
{
    /// <summary>The unevaluated environment values (strings, ReferenceExpressions, parameters) as the AppHost set them.</summary>
    public static async Task<Dictionary<string, object>> RawEnvironmentAsync(this IResource resource)
    {
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run));
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.EnvironmentVariables;
    }
}
