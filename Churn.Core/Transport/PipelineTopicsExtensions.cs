using Microsoft.Extensions.DependencyInjection;

namespace Churn.Core.Transport;

public static class PipelineTopicsExtensions
{
    /// <summary>
    /// Binds <see cref="PipelineTopicsOptions"/> (section <see cref="PipelineTopicsOptions.SectionName"/>). Every
    /// component that publishes or consumes the pipeline's topics calls it; binding the section again is harmless.
    /// </summary>
    public static IServiceCollection AddPipelineTopics(this IServiceCollection services)
    {
        services.AddOptions<PipelineTopicsOptions>().BindConfiguration(PipelineTopicsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
