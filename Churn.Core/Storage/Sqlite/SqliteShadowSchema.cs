namespace Churn.Core.Storage.Sqlite;

/// <summary>
/// The challenger's shadow predictions, apart from <c>predictions</c>: one row per (event, challenger version), the
/// comparison's window read newest first per version through <c>ix_shadow_predictions_version_scored_at</c>.
/// </summary>
internal static class SqliteShadowSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS shadow_predictions (
            event_id         TEXT    NOT NULL,
            model_version    TEXT    NOT NULL,
            customer_id      TEXT    NOT NULL,
            champion_version TEXT    NOT NULL,
            probability      REAL    NOT NULL,
            predicted_churn  INTEGER NOT NULL,
            actual_churn     INTEGER NULL,
            occurred_at      INTEGER NOT NULL,
            scored_at        INTEGER NOT NULL,
            PRIMARY KEY (event_id, model_version)
        );
        CREATE INDEX IF NOT EXISTS ix_shadow_predictions_version_scored_at ON shadow_predictions (model_version, scored_at, event_id);
        """;

    public const string Upsert = """
        INSERT INTO shadow_predictions (event_id, model_version, customer_id, champion_version, probability,
            predicted_churn, actual_churn, occurred_at, scored_at)
        VALUES ($event_id, $model_version, $customer_id, $champion_version, $probability, $predicted_churn,
            $actual_churn, $occurred_at, $scored_at)
        ON CONFLICT (event_id, model_version) DO UPDATE SET
            customer_id = excluded.customer_id, champion_version = excluded.champion_version,
            probability = excluded.probability, predicted_churn = excluded.predicted_churn,
            actual_churn = excluded.actual_churn, occurred_at = excluded.occurred_at, scored_at = excluded.scored_at
        WHERE excluded.scored_at >= shadow_predictions.scored_at
        """;

    /// <summary>The window (newest first) joined with the stored prediction of each event.</summary>
    public const string Pairs = """
        SELECT s.event_id, p.model_version, p.probability, p.predicted_churn, s.probability, s.predicted_churn,
            coalesce(p.actual_churn, s.actual_churn), s.scored_at
        FROM (SELECT event_id, probability, predicted_churn, actual_churn, scored_at FROM shadow_predictions
              WHERE model_version = $version ORDER BY scored_at DESC, event_id DESC LIMIT $limit) AS s
        JOIN predictions AS p ON p.event_id = s.event_id
        ORDER BY s.scored_at DESC, s.event_id DESC
        """;
}
