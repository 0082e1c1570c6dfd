namespace Churn.Core.Storage.Sqlite;

/// <summary>
/// The embedded store's tables. Every field of a prediction is a typed column — timestamps as unix milliseconds, so they
/// sort as integers, and the customer's 19 features one column each (<c>state</c> and <c>actual_churn</c> are two of
/// them), so a row is about half the bytes a JSON document of the features took, and writing one serialises nothing
/// (docs/performance.md §16). The prediction's reason codes are one JSON column (<c>reasons</c>, a flat array,
/// <see cref="SqliteReasonsColumn"/>; NULL for a prediction without them). A file from an earlier build is brought up to
/// date when the store opens it (<see cref="AddReasons"/>, then <see cref="TypeCustomerColumns"/>).
/// </summary>
internal static class SqliteSchema
{
    private const string PredictionColumns = """
            event_id               TEXT    NOT NULL PRIMARY KEY,
            customer_id            TEXT    NOT NULL,
            source                 TEXT    NOT NULL,
            state                  TEXT    NOT NULL,
            probability            REAL    NOT NULL,
            predicted_churn        INTEGER NOT NULL,
            risk_band              TEXT    NOT NULL,
            model_version          TEXT    NOT NULL,
            occurred_at            INTEGER NOT NULL,
            ingested_at            INTEGER NOT NULL,
            scored_at              INTEGER NOT NULL,
            actual_churn           INTEGER NULL,
            account_length         INTEGER NOT NULL,
            area_code              INTEGER NOT NULL,
            international_plan     INTEGER NOT NULL,
            voice_mail_plan        INTEGER NOT NULL,
            number_vmail_messages  INTEGER NOT NULL,
            total_day_minutes      REAL    NOT NULL,
            total_day_calls        INTEGER NOT NULL,
            total_day_charge       REAL    NOT NULL,
            total_eve_minutes      REAL    NOT NULL,
            total_eve_calls        INTEGER NOT NULL,
            total_eve_charge       REAL    NOT NULL,
            total_night_minutes    REAL    NOT NULL,
            total_night_calls      INTEGER NOT NULL,
            total_night_charge     REAL    NOT NULL,
            total_intl_minutes     REAL    NOT NULL,
            total_intl_calls       INTEGER NOT NULL,
            total_intl_charge      REAL    NOT NULL,
            customer_service_calls INTEGER NOT NULL,
            reasons                TEXT    NULL
        """;

    /// <summary>The customer's features after <c>state</c> and <c>actual_churn</c>, in table order.</summary>
    private const string FeatureColumns = """
        account_length, area_code, international_plan, voice_mail_plan, number_vmail_messages,
        total_day_minutes, total_day_calls, total_day_charge, total_eve_minutes, total_eve_calls, total_eve_charge,
        total_night_minutes, total_night_calls, total_night_charge, total_intl_minutes, total_intl_calls, total_intl_charge,
        customer_service_calls
        """;

    /// <summary>Every column of <c>predictions</c>, in table order: what the upsert binds and every query reads (<see cref="SqlitePredictionRows"/>).</summary>
    public const string Columns = $"event_id, {UpdatedColumns}";

    /// <summary>What an upsert of a newer prediction of the same event replaces: every column but the key.</summary>
    private const string UpdatedColumns = $"""
        customer_id, source, state, probability, predicted_churn, risk_band, model_version,
        occurred_at, ingested_at, scored_at, actual_churn, {FeatureColumns}, reasons
        """;

    public const string Create = $"""
        CREATE TABLE IF NOT EXISTS predictions (
        {PredictionColumns}
        );
        {CreateIndexes}
        CREATE TABLE IF NOT EXISTS models (
            version       TEXT    NOT NULL PRIMARY KEY,
            created       INTEGER NOT NULL,
            registered_at INTEGER NOT NULL,
            card          TEXT    NOT NULL
        );
        """;

    private const string CreateIndexes = """
        DROP INDEX IF EXISTS ix_predictions_scored_at;
        DROP INDEX IF EXISTS ix_predictions_probability;
        DROP INDEX IF EXISTS ix_predictions_risk_band_scored_at;
        CREATE INDEX IF NOT EXISTS ix_predictions_scored_at_cover ON predictions (scored_at, risk_band, predicted_churn, state, probability);
        CREATE INDEX IF NOT EXISTS ix_predictions_probability_cover ON predictions (probability, risk_band, predicted_churn, state, scored_at);
        CREATE INDEX IF NOT EXISTS ix_predictions_state_scored_at ON predictions (state, scored_at);
        CREATE INDEX IF NOT EXISTS ix_predictions_customer_scored_at ON predictions (customer_id, scored_at);
        CREATE INDEX IF NOT EXISTS ix_predictions_labelled_scored_at ON predictions (scored_at) WHERE actual_churn IS NOT NULL;
        """;

    /// <summary>Whether <c>predictions</c> still keeps the customer as one JSON document (a file written before the typed columns).</summary>
    public const string HasCustomerDocument = "SELECT count(*) FROM pragma_table_info('predictions') WHERE name = 'customer'";

    /// <summary>
    /// Rebuilds a table that keeps the customer as JSON into the typed one, every row with its rowid (queries break
    /// ties by it), its features read out of the document, then its indexes. Run in one write transaction.
    /// </summary>
    public const string TypeCustomerColumns = $"""
        CREATE TABLE predictions_typed (
        {PredictionColumns}
        );
        INSERT INTO predictions_typed (rowid, {Columns})
        SELECT rowid, event_id, customer_id, source, state, probability, predicted_churn, risk_band, model_version,
            occurred_at, ingested_at, scored_at, actual_churn,
            json_extract(customer, '$.accountLength'), json_extract(customer, '$.areaCode'),
            json_extract(customer, '$.internationalPlan'), json_extract(customer, '$.voiceMailPlan'),
            json_extract(customer, '$.numberVmailMessages'),
            json_extract(customer, '$.totalDayMinutes'), json_extract(customer, '$.totalDayCalls'), json_extract(customer, '$.totalDayCharge'),
            json_extract(customer, '$.totalEveMinutes'), json_extract(customer, '$.totalEveCalls'), json_extract(customer, '$.totalEveCharge'),
            json_extract(customer, '$.totalNightMinutes'), json_extract(customer, '$.totalNightCalls'), json_extract(customer, '$.totalNightCharge'),
            json_extract(customer, '$.totalIntlMinutes'), json_extract(customer, '$.totalIntlCalls'), json_extract(customer, '$.totalIntlCharge'),
            json_extract(customer, '$.customerServiceCalls'), reasons
        FROM predictions;
        DROP TABLE predictions;
        ALTER TABLE predictions_typed RENAME TO predictions;
        {CreateIndexes}
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

    /// <summary>1 when <c>predictions</c> lacks the <c>reasons</c> column (a file written before reasons existed).</summary>
    public const string LacksReasons = "SELECT count(*) = 0 FROM pragma_table_info('predictions') WHERE name = 'reasons'";

    public const string AddReasons = "ALTER TABLE predictions ADD COLUMN reasons TEXT NULL";

    /// <summary>
    /// Writes a prediction, one parameter per column in <see cref="Columns"/> order (<c>$event_id</c> is number 1, …),
    /// replacing the stored one of the same event only with one scored no earlier. Both lists come from the column list.
    /// </summary>
    public static readonly string Upsert = $"""
        INSERT INTO predictions ({Columns})
        VALUES ({Listed(Columns, "$")})
        ON CONFLICT (event_id) DO UPDATE SET ({UpdatedColumns}) = ({Listed(UpdatedColumns, "excluded.")})
        WHERE excluded.scored_at >= predictions.scored_at
        """;

    /// <summary>Each name of a comma-separated column list with <paramref name="prefix"/> before it, in the same order.</summary>
    private static string Listed(string columns, string prefix) =>
        string.Join(", ", columns.Split(',', StringSplitOptions.TrimEntries).Select(column => prefix + column));

    public const string RegisterModel = """
        INSERT INTO models (version, created, registered_at, card) VALUES ($version, $created, $registered_at, $card)
        ON CONFLICT (version) DO UPDATE SET created = excluded.created, card = excluded.card
        """;
}
