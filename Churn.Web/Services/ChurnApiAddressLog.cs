namespace Churn.Web.Services;

/// <summary>Says at start where the Web reaches the Api, and why.</summary>
internal sealed partial class ChurnApiAddressLog(ChurnApiAddress address, ILogger<ChurnApiAddressLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogAddress(address.BaseAddress, address.Reason);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "The Web reaches the Api at {Address} ({Reason})")]
    private partial void LogAddress(Uri address, string reason);
}
