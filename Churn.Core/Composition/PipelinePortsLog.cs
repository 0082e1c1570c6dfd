using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Churn.Core.Composition;

/// <summary>Says at start which transport and store this service uses, and why.</summary>
internal sealed partial class PipelinePortsLog(PipelinePorts ports, IHostEnvironment environment, ILogger<PipelinePortsLog> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogPorts(environment.ApplicationName, ports.Transport, ports.TransportReason, ports.Store, ports.StoreReason);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "{Application} uses transport {Transport} ({TransportReason}) and store {Store} ({StoreReason})")]
    private partial void LogPorts(string application, TransportKind transport, string transportReason, StoreKind store, string storeReason);
}
