using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Churn.Core.Composition;

public static class PipelinePortsExtensions
{
    /// <summary>
    /// Decides the ports from configuration (<see cref="PipelinePorts.From"/>), registers the decision, and logs it when
    /// the host starts. The host's own composition then registers the chosen implementations.
    /// </summary>
    public static PipelinePorts AddPipelinePorts(this IHostApplicationBuilder builder)
    {
        var ports = PipelinePorts.From(builder.Configuration);
        builder.Services.AddSingleton(ports);
        builder.Services.AddHostedService<PipelinePortsLog>();
        return ports;
    }
}
