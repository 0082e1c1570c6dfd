using System.Text;
using Churn.Domain.Models;
using Churn.Domain.Predictions;
using Microsoft.Data.Sqlite;

namespace Churn.Core.Storage.Sqlite;

public sealed partial class SqlitePredictionStore
{
    public async Task<Prediction?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        await using var connection = await OpenReadyReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteSchema.Columns} FROM predictions WHERE event_id = $id";
        command.Parameters.AddWithValue("$id", eventId);
        var found = await SqlitePredictionRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<PredictionPage> QueryAsync(PredictionQuery query, CancellationToken cancellationToken)
    {
        var (page, pageSize) = PredictionQueries.Paging(query);
        using var activity = StartActivity("query predictions", "select");
        await using var connection = await OpenReadyReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = Where(query, command.Parameters);
        var covered = ReadsCoveringIndex(query);
        var countIndex = covered && query.State is null ? $" INDEXED BY {CountIndex(query)}" : "";
        var filter = where + string.Concat(command.Parameters.Cast<SqliteParameter>().Select(p => $"|{p.ParameterName}={p.Value}"));
        if (!_totals.TryGet(filter, out var total))
        {
            var (writesBefore, countedAt) = (_totals.Writes, _time.GetUtcNow());
            command.CommandText = $"SELECT count(*) FROM predictions{countIndex}{where}";
            total = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
            _totals.Remember(filter, total, writesBefore, countedAt);
        }
        var orderBy = OrderBy(query.Sort);
        command.CommandText = covered
            ? $"""
                SELECT {SqliteSchema.Columns} FROM predictions WHERE rowid IN (
                    SELECT rowid FROM predictions INDEXED BY {SortIndex(query.Sort)}{where}
                    ORDER BY {orderBy} LIMIT $limit OFFSET $offset)
                ORDER BY {orderBy}
                """
            : $"SELECT {SqliteSchema.Columns} FROM predictions{where} ORDER BY {orderBy} LIMIT $limit OFFSET $offset";
        command.Parameters.AddWithValue("$limit", pageSize);
        command.Parameters.AddWithValue("$offset", (long)(page - 1) * pageSize);
        var items = await SqlitePredictionRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return new PredictionPage(items, total, page, pageSize);
    }

    public async Task<IReadOnlyList<Prediction>> GetCustomerHistoryAsync(string customerId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        await using var connection = await OpenReadyReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SqliteSchema.Columns} FROM predictions WHERE customer_id = $customer
            ORDER BY scored_at DESC, rowid DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$customer", customerId);
        command.Parameters.AddWithValue("$limit", PredictionQueries.HistoryLimit(limit));
        return await SqlitePredictionRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadyReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM predictions";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
    }

    public async Task RegisterModelAsync(ModelCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var json = ModelCardJson.Serialize(card);
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _writer!.CreateCommand();
            command.CommandText = SqliteSchema.RegisterModel;
            command.Parameters.AddWithValue("$version", card.Version);
            command.Parameters.AddWithValue("$created", card.Created.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$registered_at", _time.GetUtcNow().ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$card", json);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Registered model cards, newest (by <see cref="ModelCard.Created"/>) first.</summary>
    public async Task<IReadOnlyList<ModelCard>> GetModelsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadyReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT card FROM models ORDER BY created DESC, version DESC";
        var cards = new List<ModelCard>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            cards.Add(ModelCardJson.Deserialize(reader.GetString(0)));
        }
        return cards;
    }

    private async Task<SqliteConnection> OpenReadyReaderAsync(CancellationToken cancellationToken)
    {
        await _initialization.EnsureAsync(cancellationToken).ConfigureAwait(false);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Where(PredictionQuery query, SqliteParameterCollection parameters)
    {
        var clauses = new List<string>();
        void Add(string clause, string name, object value)
        {
            clauses.Add(clause);
            parameters.AddWithValue(name, value);
        }
        if (query.State is { } state) Add("state = $state", "$state", state);
        if (query.RiskBand is { } band) Add("risk_band = $band", "$band", SqlitePredictionRows.BandName(band));
        if (query.PredictedChurn is { } churn) Add("predicted_churn = $churn", "$churn", churn ? 1 : 0);
        if (query.MinProbability is { } min) Add("probability >= $min", "$min", min);
        if (query.CustomerId is { } customer) Add("customer_id = $customer", "$customer", customer);
        if (query.From is { } from) Add("scored_at >= $from", "$from", from.ToUnixTimeMilliseconds());
        if (query.To is { } to) Add("scored_at < $to", "$to", to.ToUnixTimeMilliseconds());
        return clauses.Count == 0 ? "" : new StringBuilder(" WHERE ").AppendJoin(" AND ", clauses).ToString();
    }

    /// <summary>
    /// Band, predicted-churn and probability filters have no index of their own (or, for probability, one in the wrong
    /// order); the planner would read every matching row and sort it. They are evaluated on the entries of a covering
    /// sort index instead, so a page walks that index in order until it has its rows and then reads only those rows.
    /// A customer filter keeps its own index, and so does every count with a state filter (2% of the rows).
    /// </summary>
    private static bool ReadsCoveringIndex(PredictionQuery query) =>
        query.CustomerId is null && (query.RiskBand is not null || query.PredictedChurn is not null || query.MinProbability is not null);

    private static string CountIndex(PredictionQuery query) =>
        query.MinProbability is null ? "ix_predictions_scored_at_cover" : "ix_predictions_probability_cover";

    private static string SortIndex(PredictionSort sort) => sort switch
    {
        PredictionSort.ScoredAtDesc or PredictionSort.ScoredAtAsc => "ix_predictions_scored_at_cover",
        _ => "ix_predictions_probability_cover",
    };

    /// <summary>The sort, with rowid (insertion order, kept by upserts) breaking ties so pages never overlap.</summary>
    private static string OrderBy(PredictionSort sort) => sort switch
    {
        PredictionSort.ScoredAtDesc => "scored_at DESC, rowid DESC",
        PredictionSort.ScoredAtAsc => "scored_at ASC, rowid ASC",
        PredictionSort.ProbabilityDesc => "probability DESC, rowid DESC",
        PredictionSort.ProbabilityAsc => "probability ASC, rowid ASC",
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown sort."),
    };
}
