namespace Churn.AppHost.Services;

/// <summary>
/// A full-speed replay (the "Replay test file" command) emits ~3,500 spans in well under a second; the OpenTelemetry
/// SDK's default export queue (2,048 spans, exported every 5 s) would drop most of them and the dashboard would show
/// broken record traces. A larger queue, exported every second, keeps every record's trace whole.
/// </summary>
public static class TelemetryHeadroom
{
    public const string MaxQueueSize = "65536";
    public const string ScheduleDelayMilliseconds = "1000";

    public static IResourceBuilder<ProjectResource> WithTelemetryHeadroom(this IResourceBuilder<ProjectResource> project) =>
        project
            .WithEnvironment("OTEL_BSP_MAX_QUEUE_SIZE", MaxQueueSize)
            .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", ScheduleDelayMilliseconds);
}
