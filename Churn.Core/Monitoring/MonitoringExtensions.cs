using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace Churn.Core.Monitoring;

public static class MonitoringExtensions
{
    /// <summary>
    /// Registers the drift and live-quality monitor: <see cref="DriftMonitor"/> (options
    /// <see cref="MonitoringOptions.SectionName"/>, a hosted refresh loop) over the prediction store and the serving model
    /// (both registered by the host), and the <see cref="MonitoringTelemetry.Name"/> meter.
    /// </summary>
    public static IHostApplicationBuilder AddDriftMonitoring(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MonitoringOptions>().BindConfiguration(MonitoringOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MonitoringMetrics>();
        services.AddSingleton<DriftMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DriftMonitor>());
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(MonitoringTelemetry.Name));
        return builder;
    }
}
