using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Churn.AppHost.Tests.Otlp;

namespace Churn.AppHost.Tests;

/// <summary>
/// The whole system in embedded mode, started by the AppHost: replay the test file, watch 667 predictions appear in
/// the Api and on the Web dashboard, and check that each replayed record is one trace from ingest to store.
/// </summary>
public class EmbeddedEndToEndTests
{
    private const string ApiKey = "end-to-end-key";
    private const int TestFileRows = 667;

    /// <summary>Building the projects and, on a fresh clone, training the model (~30 s) come before the Api is up.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan ScoringTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Replaying_the_test_file_fills_the_api_and_the_web_dashboard_with_one_trace_per_record()
    {
        var data = Path.Combine(EmbeddedModeTests.RepositoryRoot(), "data");
        Assert.SkipUnless(
            File.Exists(Path.Combine(data, "churn-bigml-80.csv")) && File.Exists(Path.Combine(data, "churn-bigml-20.csv")),
            "data/churn-bigml-80.csv and data/churn-bigml-20.csv are not there (see README, Data).");
        var ct = TestContext.Current.CancellationToken;
        var store = Path.Combine(Path.GetTempPath(), $"churn-e2e-{Guid.NewGuid():N}", "churn.db");
        await using var traces = new OtlpTraceReceiver();

        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Churn_AppHost>(
            ["--Churn:Mode=embedded", $"--Parameters:api-key={ApiKey}"], ct);
        appHost.CreateResourceBuilder<ProjectResource>("api")
            .WithEnvironment("Churn__Sqlite__Path", store)
            .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", traces.Endpoint)
            .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .WithEnvironment("OTEL_TRACES_SAMPLER", "always_on");

        await using var app = await appHost.BuildAsync(ct).WaitAsync(StartTimeout, ct);
        // StartAsync returns once every resource was created, i.e. after the Web waited for a healthy Api.
        var starting = app.StartAsync(ct);
        await app.ResourceNotifications.WaitForResourceAsync("api", KnownResourceStates.Running, ct).WaitAsync(StartTimeout, ct);
        using var api = new HttpClient { BaseAddress = new Uri(ApiEndpoint(appHost).Url) };
        api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        var firstAnswer = await Poll.UntilAsync(() => TryGetAsync(api, "/api/stats", ct), answer => answer is not null, StartTimeout, ct);
        Assert.SkipWhen(firstAnswer!.StatusCode == HttpStatusCode.NotFound,
            "Churn.Api does not serve GET /api/stats yet; this test runs once the Api lands.");
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", ct).WaitAsync(StartTimeout, ct);
        await starting.WaitAsync(StartTimeout, ct);

        var replay = await api.PostAsync("/api/admin/replay", content: null, ct);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        using var report = JsonDocument.Parse(await replay.Content.ReadAsStringAsync(ct));
        Assert.Equal(TestFileRows, report.RootElement.GetProperty("published").GetInt32());

        var total = await Poll.UntilAsync(() => StoredTotalAsync(api, ct), stored => stored >= TestFileRows, ScoringTimeout, ct);
        Assert.Equal(TestFileRows, total);

        await app.ResourceNotifications.WaitForResourceHealthyAsync("web", ct).WaitAsync(StartTimeout, ct);
        using var web = app.CreateHttpClient("web");
        var dashboard = await web.GetStringAsync("/", ct);
        Assert.Contains(TestFileRows.ToString(), dashboard);

        var recordTraces = await Poll.UntilAsync(
            () => Task.FromResult(PipelineTraces.Complete(traces.Spans)), complete => complete.Count >= TestFileRows, ScoringTimeout, ct);
        Assert.Equal(TestFileRows, recordTraces.Count);
    }

    private static EndpointReference ApiEndpoint(IDistributedApplicationTestingBuilder appHost) =>
        appHost.Single<ProjectResource>("api").GetEndpoint("http");

    private static async Task<HttpResponseMessage?> TryGetAsync(HttpClient client, string path, CancellationToken ct)
    {
        try
        {
            return await client.GetAsync(path, ct);
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }

    private static async Task<long> StoredTotalAsync(HttpClient api, CancellationToken ct) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/stats", ct)).GetProperty("total").GetInt64();
}
