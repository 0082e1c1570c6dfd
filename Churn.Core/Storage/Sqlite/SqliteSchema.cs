namespace Churn.Core.Storage.Sqlite;

/// <summary>
/// The embedded store's tables. Every field the API filters or sorts on is a typed column (timestamps as unix
/// milliseconds, so they sort as integers); the customer's 19 features and the prediction's reason codes are JSON
/// (<c>reasons</c> as a flat array, <see cref="SqliteReasonsColumn"/>; NULL for a prediction without them; <see cref="AddReasons"/> adds the column to a file
/// created before it existed).
/// </summary>
internal static class SqliteSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS predictions (
            event_id        TEXT    NOT NULL PRIMARY KEY,
            customer_id     TEXT    NOT NULL,
            source          TEXT    NOT NULL,
            state           TEXT    NOT NULL,
            probability     REAL    NOT NULL,
            predicted_churn INTEGER NOT NULL,
            risk_band       TEXT    NOT NULL,
            model_version   TEXT    NOT NULL,
            occurred_at     INTEGER NOT NULL,
            ingested_at     INTEGER NOT NULL,
            scored_at       INTEGER NOT NULL,
            actual_churn    INTEGER NULL,
            customer        TEXT    NOT NULL,
            reasons         TEXT    NULL
        );
        DROP INDEX IF EXISTS ix_predictions_scored_at;
        DROP INDEX IF EXISTS ix_predictions_probability;
        DROP INDEX IF EXISTS ix_predictions_risk_band_scored_at;
        CREATE INDEX IF NOT EXISTS ix_predictions_scored_at_cover ON predictions (scored_at, risk_band, predicted_churn, state, probability);
        CREATE INDEX IF NOT EXISTS ix_predictions_probability_cover ON predictions (probability, risk_band, predicted_churn, state, scored_at);
        CREATE INDEX IF NOT EXISTS ix_predictions_state_scored_at ON predictions (state, scored_at);
        CREATE INDEX IF NOT EXISTS ix_predictions_customer_scored_at ON predictions (customer_id, scored_at);
        CREATE INDEX IF NOT EXISTS ix_predictions_labelled_scored_at ON predictions (scored_at) WHERE actual_churn IS NOT NULL;
        CREATE TABLE IF NOT EXISTS models (
            version       TEXT    NOT NULL PRIMARY KEY,
            created       INTEGER NOT NULL,
            registered_at INTEGER NOT NULL,
            card          TEXT    NOT NULL
        );
        """;

    /// <summary>
    /// Recorded dead letters, keyed by their own position in the dead-letter topic; the page index serves the newest
    /// first, the kind index the counts by reason kind.
    /// </summary>
    public const string CreateDeadLetters = """
        CREATE TABLE IF NOT EXISTS dead_letters (
            dlq_topic        TEXT    NOT NULL,
            dlq_partition    INTEGER NOT NULL,
            dlq_offset       INTEGER NOT NULL,
            reason_kind      TEXT    NOT NULL,
            reason           TEXT    NOT NULL,
            source_topic     TEXT    NULL,
            source_partition INTEGER NULL,
            source_offset    INTEGER NULL,
            origin           TEXT    NULL,
            record_key       TEXT    NOT NULL,
            excerpt          TEXT    NOT NULL,
            value_bytes      INTEGER NOT NULL,
            envelope         INTEGER NOT NULL,
            dead_lettered_at INTEGER NOT NULL,
            PRIMARY KEY (dlq_topic, dlq_partition, dlq_offset)
        );
        CREATE INDEX IF NOT EXISTS ix_dead_letters_newest ON dead_letters (dead_lettered_at, dlq_topic, dlq_partition, dlq_offset);
        CREATE INDEX IF NOT EXISTS ix_dead_letters_reason_kind ON dead_letters (reason_kind);
        """;

    /// <summary>Whether <c>predictions</c> has the <c>reasons</c> column (a file written before reasons existed has not).</summary>
    public const string HasReasons = "SELECT count(*) FROM pragma_table_info('predictions') WHERE name = 'reasons'";

    public const string AddReasons = "ALTER TABLE predictions ADD COLUMN reasons TEXT NULL";

    public const string Upsert = """
        INSERT INTO predictions (event_id, customer_id, source, state, probability, predicted_churn, risk_band,
            model_version, occurred_at, ingested_at, scored_at, actual_churn, customer, reasons)
        VALUES ($event_id, $customer_id, $source, $state, $probability, $predicted_churn, $risk_band,
            $model_version, $occurred_at, $ingested_at, $scored_at, $actual_churn, $customer, $reasons)
        ON CONFLICT (event_id) DO UPDATE SET
            customer_id = excluded.customer_id, source = excluded.source, state = excluded.state,
            probability = excluded.probability, predicted_churn = excluded.predicted_churn,
            risk_band = excluded.risk_band, model_version = excluded.model_version,
            occurred_at = excluded.occurred_at, ingested_at = excluded.ingested_at, scored_at = excluded.scored_at,
            actual_churn = excluded.actual_churn, customer = excluded.customer, reasons = excluded.reasons
        WHERE excluded.scored_at >= predictions.scored_at
        """;

    public static readonly string[] UpsertParameters =
    [
        "$event_id", "$customer_id", "$source", "$state", "$probability", "$predicted_churn", "$risk_band",
        "$model_version", "$occurred_at", "$ingested_at", "$scored_at", "$actual_churn", "$customer", "$reasons",
    ];

    /// <summary>Columns read back into a <c>Prediction</c>, in <see cref="SqlitePredictionRows"/> order.</summary>
    public const string Columns = """
        event_id, customer_id, source, probability, predicted_churn, risk_band, model_version,
        occurred_at, ingested_at, scored_at, customer, reasons
        """;

    public const string RegisterModel = """
        INSERT INTO models (version, created, registered_at, card) VALUES ($version, $created, $registered_at, $card)
        ON CONFLICT (version) DO UPDATE SET created = excluded.created, card = excluded.card
        """;
}
