using Churn.Core.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Churn.Core.Tests.Scoring;

public class ScoringWorkerStatusTests
{
    [Fact]
    public void A_batch_unwritten_past_the_limit_degrades_the_worker_and_its_write_restores_health()
    {
        var time = new FakeTimeProvider();
        var status = new ScoringWorkerStatus(time);
        status.Consuming();
        status.BatchStarted(500);

        time.Advance(ScoringWorkerStatus.StuckBatch - TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Healthy, status.Check().Status);

        time.Advance(TimeSpan.FromSeconds(2));
        var stuck = status.Check();
        Assert.Equal(HealthStatus.Degraded, stuck.Status);
        Assert.Contains("500 records", stuck.Description);

        status.BatchWritten();
        Assert.Equal(HealthStatus.Healthy, status.Check().Status);
    }
}
