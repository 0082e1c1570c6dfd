using System.Diagnostics.Metrics;
using Churn.Core.Worker;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public void The_age_of_the_unwritten_batch_is_exported_while_it_is_retried_and_zero_once_written()
    {
        var time = new FakeTimeProvider();
        var status = new ScoringWorkerStatus(time);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        _ = new ScoringMetrics(meters, status);
        double? age = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == "churn.scoring.batch.unwritten_age") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => age = value);
        listener.Start();

        status.Consuming();
        status.BatchStarted(10);
        status.AttemptFailed("store write failed: disk full");
        time.Advance(TimeSpan.FromSeconds(42));
        listener.RecordObservableInstruments();
        Assert.Equal(42, age);

        status.BatchWritten();
        listener.RecordObservableInstruments();
        Assert.Equal(0, age);
    }
}
