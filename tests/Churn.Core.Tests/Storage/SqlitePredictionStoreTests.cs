using System.Diagnostics;
using Churn.Core.Storage.Sqlite;
using Churn.Domain.Customers;
using Churn.Domain.Predictions;
using Churn.Testing;
using Microsoft.Data.Sqlite;
using static Churn.Core.Tests.Storage.PredictionFixtures;

namespace Churn.Core.Tests.Storage;

/// <summary>What only the embedded store promises: WAL on the file, durability across a restart, its own spans.</summary>
public sealed class SqlitePredictionStoreTests(TempDirectory directory) : IClassFixture<TempDirectory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqlitePredictionStore NewStore(string file) => new(new SqliteStoreOptions { Path = directory.Combine(file) });

    [Fact]
    public async Task The_database_file_is_in_WAL_mode_with_the_expected_indexes()
    {
        using var store = NewStore("wal.db");
        await store.InitializeAsync(Ct);

        using var connection = new SqliteConnection($"Data Source={store.FilePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        Assert.Equal(ExpectedIndexes, IndexNames(connection));
    }

    [Fact]
    public async Task A_file_with_the_older_narrow_indexes_ends_up_with_the_covering_ones_only()
    {
        using (var first = NewStore("old-indexes.db"))
        {
            await first.UpsertAsync([Prediction("e1")], Ct);
        }
        using (var old = new SqliteConnection($"Data Source={directory.Combine("old-indexes.db")};Pooling=False"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = """
                CREATE INDEX ix_predictions_scored_at ON predictions (scored_at);
                CREATE INDEX ix_predictions_probability ON predictions (probability);
                CREATE INDEX ix_predictions_risk_band_scored_at ON predictions (risk_band, scored_at);
                """;
            command.ExecuteNonQuery();
        }

        using var reopened = NewStore("old-indexes.db");
        Assert.Equal(1, await reopened.CountAsync(Ct));
        using var connection = new SqliteConnection($"Data Source={reopened.FilePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        Assert.Equal(ExpectedIndexes, IndexNames(connection));
    }

    [Fact]
    public async Task A_file_written_before_reasons_and_typed_customer_columns_is_brought_up_to_date_and_keeps_its_predictions()
    {
        var path = directory.Combine("before-reasons.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            // The predictions table as every earlier build created it, with one row.
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE predictions (
                    event_id TEXT NOT NULL PRIMARY KEY, customer_id TEXT NOT NULL, source TEXT NOT NULL, state TEXT NOT NULL,
                    probability REAL NOT NULL, predicted_churn INTEGER NOT NULL, risk_band TEXT NOT NULL,
                    model_version TEXT NOT NULL, occurred_at INTEGER NOT NULL, ingested_at INTEGER NOT NULL,
                    scored_at INTEGER NOT NULL, actual_churn INTEGER NULL, customer TEXT NOT NULL);
                INSERT INTO predictions VALUES ('old', 'c-1', 'csv:churn-bigml-20.csv', 'KS', 0.25, 0, 'Low', 'v0',
                    1767268800000, 1767268800100, 1767268800200, NULL,
                    '{"state":"KS","accountLength":100,"areaCode":415,"internationalPlan":false,"voiceMailPlan":false,"numberVmailMessages":0,"totalDayMinutes":180,"totalDayCalls":100,"totalDayCharge":30.6,"totalEveMinutes":200,"totalEveCalls":100,"totalEveCharge":17,"totalNightMinutes":200,"totalNightCalls":100,"totalNightCharge":9,"totalIntlMinutes":10,"totalIntlCalls":4,"totalIntlCharge":2.7,"customerServiceCalls":1}');
                """;
            command.ExecuteNonQuery();
        }

        using var store = NewStore("before-reasons.db");
        var old = await store.GetAsync("old", Ct);
        await store.UpsertAsync([Prediction("new", reasons: StoredReasons())], Ct);

        Assert.Equal(("c-1", 0.25, (PredictionReasons?)null), (old!.CustomerId, old.ChurnProbability, old.Reasons));
        Assert.Equal(new CustomerRecord
        {
            State = "KS", AccountLength = 100, AreaCode = 415, InternationalPlan = false, VoiceMailPlan = false,
            NumberVmailMessages = 0, TotalDayMinutes = 180, TotalDayCalls = 100, TotalDayCharge = 30.6,
            TotalEveMinutes = 200, TotalEveCalls = 100, TotalEveCharge = 17, TotalNightMinutes = 200, TotalNightCalls = 100,
            TotalNightCharge = 9, TotalIntlMinutes = 10, TotalIntlCalls = 4, TotalIntlCharge = 2.7, CustomerServiceCalls = 1,
            Churn = null,
        }, old.Customer);
        Assert.Equal(StoredReasons(), (await store.GetAsync("new", Ct))!.Reasons);
        Assert.Equal(2, await store.CountAsync(Ct));
        using var reopened = NewStore("before-reasons.db"); // a second open finds nothing left to change
        Assert.Equal(StoredReasons(), (await reopened.GetAsync("new", Ct))!.Reasons);
        Assert.Equal(old, await reopened.GetAsync("old", Ct));
        using var upgraded = new SqliteConnection($"Data Source={reopened.FilePath};Mode=ReadOnly;Pooling=False");
        upgraded.Open();
        Assert.Equal(ExpectedIndexes, IndexNames(upgraded));
        using var columns = upgraded.CreateCommand();
        columns.CommandText = "SELECT count(*) FROM pragma_table_info('predictions') WHERE name = 'customer'";
        Assert.Equal(0L, columns.ExecuteScalar()); // the JSON document is gone: its features are columns now
    }

    [Fact]
    public async Task Reasons_are_kept_as_one_flat_json_array_and_a_column_that_is_not_one_is_an_error_naming_it()
    {
        using var store = NewStore("reasons-column.db");
        await store.UpsertAsync([Prediction("explained", reasons: StoredReasons())], Ct);
        using var connection = new SqliteConnection($"Data Source={store.FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT reasons FROM predictions WHERE event_id = 'explained'";

        Assert.Equal("""["tree-path",-3.912345,-1.234567,"CustomerServiceCalls",4,1.875,"TotalCharge",62.29,-0.40625,"VoiceMailPlan",1,-0.031]""",
            command.ExecuteScalar());

        command.CommandText = """UPDATE predictions SET reasons = '["tree-path",-3.9,-1.2,"TotalCharge",62.29]' WHERE event_id = 'explained'""";
        command.ExecuteNonQuery();
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.GetAsync("explained", Ct));
        Assert.Contains("""'["tree-path",-3.9,-1.2,"TotalCharge",62.29]' is not [method, baseScore, score, feature, value, contribution""", error.Message);
    }

    private const string ExpectedIndexes = "ix_dead_letters_newest,ix_dead_letters_reason_kind," +
        "ix_predictions_customer_scored_at,ix_predictions_labelled_scored_at,ix_predictions_probability_cover,ix_predictions_scored_at_cover," +
        "ix_predictions_state_scored_at,ix_shadow_predictions_version_scored_at";

    private static object? IndexNames(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%' ORDER BY name)";
        return command.ExecuteScalar();
    }

    [Fact]
    public async Task Predictions_and_models_survive_closing_and_reopening_the_file()
    {
        var batch = Enumerable.Range(0, 500).Select(i => Prediction($"r{i}", probability: i / 500.0)).ToList();
        using (var first = NewStore("restart.db"))
        {
            await first.UpsertAsync(batch, Ct);
            await first.RegisterModelAsync(TestModelCards.Card("v1", Now), Ct);
        }

        using var reopened = NewStore("restart.db");
        Assert.Equal(500, await reopened.CountAsync(Ct));
        Assert.Equal(batch[123], await reopened.GetAsync("r123", Ct));
        Assert.Equal(["v1"], (await reopened.GetModelsAsync(Ct)).Select(m => m.Version));
        await reopened.UpsertAsync(batch, Ct);
        Assert.Equal(500, await reopened.CountAsync(Ct));
    }

    [Fact]
    public async Task Readers_see_committed_batches_while_the_writer_keeps_writing()
    {
        using var store = NewStore("concurrent.db");
        await store.InitializeAsync(Ct);
        var writer = Task.Run(async () =>
        {
            for (var b = 0; b < 40; b++)
            {
                await store.UpsertAsync([.. Enumerable.Range(0, 250).Select(i => Prediction($"b{b}-{i}"))], Ct);
            }
        }, Ct);

        var counts = new List<long>();
        while (!writer.IsCompleted)
        {
            var count = await store.CountAsync(Ct);
            Assert.Equal(0, count % 250);
            counts.Add(count);
        }
        await writer;

        Assert.Equal(10_000, await store.CountAsync(Ct));
        Assert.Equal(counts.Order(), counts);
    }

    [Fact]
    public async Task An_upsert_emits_a_client_span_with_the_database_and_batch_size()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SqliteTelemetry.Name,
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var store = NewStore("spans.db");
        using var parent = new Activity("process churn.customers").Start();

        await store.UpsertAsync([Prediction("s1"), Prediction("s2"), Prediction("s3")], Ct);

        var upsert = Assert.Single(spans, s => s.DisplayName == "upsert predictions" && s.ParentSpanId == parent.SpanId);
        Assert.Equal(ActivityKind.Client, upsert.Kind);
        Assert.Equal("sqlite", upsert.GetTagItem("db.system.name"));
        Assert.Equal(3, upsert.GetTagItem("db.operation.batch.size"));
        Assert.Equal("spans.db", upsert.GetTagItem("db.namespace"));
    }

    [Fact]
    public async Task Using_a_disposed_store_fails_clearly()
    {
        var store = NewStore("disposed.db");
        await store.InitializeAsync(Ct);
        store.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.UpsertAsync([Prediction("x")], Ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CountAsync(Ct));
    }
}
