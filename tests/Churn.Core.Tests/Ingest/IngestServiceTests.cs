using Churn.Core.Ingest;
using Churn.Core.Tests.Doubles;
using Churn.Core.Transport;
using Churn.Core.Transport.Embedded;
using Churn.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Churn.Core.Tests.Ingest;

public sealed class IngestServiceTests
{
    [Fact]
    public async Task A_one_shot_replay_publishes_the_file_and_stops_the_host()
    {
        using var directory = new TempDirectory();
        var csv = directory.Combine("rows.csv");
        File.WriteAllText(csv, IngestTestData.Csv(IngestTestData.Row1, IngestTestData.BadRow, IngestTestData.Row2));
        using var host = Build(directory.Path, csv);

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.WaitForShutdownAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30),
            TestContext.Current.CancellationToken);

        var service = host.Services.GetRequiredService<IngestService>();
        Assert.Null(service.Failure);
        Assert.Equal(new IngestSummary(3, 2, 1, 0, service.LastRun!.Elapsed), service.LastRun);
        var log = host.Services.GetRequiredService<EmbeddedEventLog>();
        Assert.Equal(2, Enumerable.Range(0, log.Options.Partitions).Sum(p => log.EndOffset(PipelineTopicsOptions.DefaultCustomers, p)));
    }

    [Fact]
    public async Task A_missing_file_is_reported_as_the_runs_failure_and_the_host_still_stops()
    {
        using var directory = new TempDirectory();
        using var host = Build(directory.Path, directory.Combine("missing.csv"));

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.WaitForShutdownAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30),
            TestContext.Current.CancellationToken);

        Assert.IsType<FileNotFoundException>(host.Services.GetRequiredService<IngestService>().Failure);
    }

    [Fact]
    public async Task A_run_that_ends_while_the_host_is_still_starting_stops_the_host_only_once_it_has_started()
    {
        using var directory = new TempDirectory();
        var csv = directory.Combine("rows.csv");
        File.WriteAllText(csv, IngestTestData.Csv(IngestTestData.Row1));
        using var host = Build(directory.Path, csv);
        var lifetime = new FakeHostApplicationLifetime(); // the host is still starting (as Kestrel binds its port)
        var sp = host.Services;
        using var service = new IngestService(sp.GetRequiredService<IngestRunner>(), sp.GetRequiredService<IOptions<IngestOptions>>(), lifetime,
            sp.GetRequiredService<IConfiguration>(), TimeProvider.System, NullLogger<IngestService>.Instance);

        await service.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(() => service.LastRun is not null, "the one-row run done", cancellationToken: TestContext.Current.CancellationToken);
        lifetime.Start();
        await Eventually.UntilAsync(() => lifetime.Stopped, "the host told to stop", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, lifetime.StopsBeforeStarted);
        Assert.Equal(1, service.LastRun!.Delivered);
    }

    private static IHost Build(string contentRoot, string csv)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Churn:Ingest:File"] = csv,
            ["Churn:Ingest:StopHostWhenDone"] = "true",
        });
        builder.AddEmbeddedTransport("unused");
        builder.AddIngestPublishing();
        builder.AddIngestService();
        return builder.Build();
    }
}
