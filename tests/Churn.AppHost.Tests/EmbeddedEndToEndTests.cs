using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Churn.Testing.Otlp;
using Churn.Testing;

namespace Churn.AppHost.Tests;

/// <summary>
/// The whole system in embedded mode, started by the AppHost: the Api replays the test file at start and again on the
/// operators' replay command; exactly 667 predictions appear in the Api and on the Web dashboard, and each replayed
/// record is one trace from ingest to store.
/// </summary>
public class EmbeddedEndToEndTests
{
    private const string ApiKey = "end-to-end-key";
    private const int TestFileRows = 667;

    /// <summary>On a fresh clone the Trainer trains first (~30 s) before the Api starts.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan ScoringTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Replaying_the_test_file_fills_the_api_and_the_web_dashboard_with_one_trace_per_record()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        var ct = TestContext.Current.CancellationToken;
        var store = Path.Combine(Path.GetTempPath(), $"churn-e2e-{Guid.NewGuid():N}", "churn.db");
        await using var traces = new OtlpTraceReceiver();

        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Churn_AppHost>(
            ["--Churn:Mode=embedded", $"--Parameters:api-key={ApiKey}", "--Churn:ApiPort=0", "--Churn:WebPort=0"], ct);
        appHost.CreateResourceBuilder<ProjectResource>("api")
            .WithEnvironment("Churn__Sqlite__Path", store)
            .WithEnvironment("Churn__Ingest__Rate", "0")          // the start-up replay as fast as it goes
            .WithEnvironment("Churn__Ingest__TrickleRate", "0")   // and no synthetic trickle, so the count is exact
            .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", traces.Endpoint)
            .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .WithEnvironment("OTEL_TRACES_SAMPLER", "always_on");

        await using var app = await appHost.BuildAsync(ct).WaitAsync(StartTimeout, ct);
        await app.StartAsync(ct).WaitAsync(StartTimeout, ct);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", ct).WaitAsync(StartTimeout, ct);
        using var api = app.CreateHttpClient("api", "http");
        api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        // The start-up replay (the Api's embedded ingest) stores one prediction per row.
        Assert.Equal(TestFileRows, await Eventually.UntilAsync(() => StoredTotalAsync(api, ct), total => total >= TestFileRows,
            ScoringTimeout, PollInterval, "the start-up replay stored", ct));

        // The operators' "Replay test file" command publishes every row again: the same event ids, so still 667.
        var replayed = DateTimeOffset.UtcNow;
        var replay = await api.PostAsync("/api/admin/replay", content: null, ct);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        using (var report = JsonDocument.Parse(await replay.Content.ReadAsStringAsync(ct)))
        {
            Assert.Equal(TestFileRows, report.RootElement.GetProperty("published").GetInt32());
        }
        await Eventually.UntilAsync(() => ScoredSinceAsync(api, replayed, ct), rescored => rescored == TestFileRows,
            ScoringTimeout, PollInterval, "the replayed rows rescored", ct);
        Assert.Equal(TestFileRows, await StoredTotalAsync(api, ct));

        await app.ResourceNotifications.WaitForResourceHealthyAsync("web", ct).WaitAsync(StartTimeout, ct);
        using var web = app.CreateHttpClient("web", "http");
        var dashboard = await web.GetStringAsync("/", ct);
        Assert.Contains($"id=\"tile-total\">{TestFileRows}<", dashboard);

        // Every row of the test file has a trace ingest → send → process (scored, stored) under one trace id.
        var complete = await Eventually.UntilAsync(() => Task.FromResult(PipelineTraces.CompleteRecords(traces.Spans)),
            records => records.Count >= TestFileRows, ScoringTimeout, PollInterval, "one complete trace per row", ct);
        Assert.Equal(TestFileRows, complete.Count);
        Assert.All(complete, eventId => Assert.StartsWith("csv-", eventId));
    }

    private static async Task<long> StoredTotalAsync(HttpClient api, CancellationToken ct) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/stats", ct)).GetProperty("total").GetInt64();

    private static async Task<long> ScoredSinceAsync(HttpClient api, DateTimeOffset since, CancellationToken ct) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/predictions?pageSize=1&from={Uri.EscapeDataString(since.ToString("O"))}", ct))
        .GetProperty("total").GetInt64();
}
