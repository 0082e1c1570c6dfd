using System.Text.Json;
using Churn.Domain.Predictions;
using Microsoft.Data.Sqlite;

namespace Churn.Core.Storage.Sqlite;

/// <summary>Maps predictions to the upsert statement's parameters and rows (<see cref="SqliteSchema.Columns"/>) back.</summary>
internal static class SqlitePredictionRows
{
    public static void Bind(SqliteParameterCollection p, Prediction prediction)
    {
        p[0].Value = prediction.EventId;
        p[1].Value = prediction.CustomerId;
        p[2].Value = prediction.Source;
        p[3].Value = prediction.State;
        p[4].Value = prediction.ChurnProbability;
        p[5].Value = prediction.PredictedChurn ? 1 : 0;
        p[6].Value = BandName(prediction.RiskBand);
        p[7].Value = prediction.ModelVersion;
        p[8].Value = prediction.OccurredAt.ToUnixTimeMilliseconds();
        p[9].Value = prediction.IngestedAt.ToUnixTimeMilliseconds();
        p[10].Value = prediction.ScoredAt.ToUnixTimeMilliseconds();
        p[11].Value = prediction.ActualChurn is { } actual ? (actual ? 1 : 0) : DBNull.Value;
        p[12].Value = JsonSerializer.Serialize(prediction.Customer, StorageJson.Default.CustomerRecord);
        p[13].Value = prediction.Reasons is { } reasons ? SqliteReasonsColumn.Write(reasons) : DBNull.Value;
    }

    public static Prediction Read(SqliteDataReader row) => new()
    {
        EventId = row.GetString(0),
        CustomerId = row.GetString(1),
        Source = row.GetString(2),
        ChurnProbability = row.GetDouble(3),
        PredictedChurn = row.GetInt64(4) != 0,
        RiskBand = ParseBand(row.GetString(5)),
        ModelVersion = row.GetString(6),
        OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(7)),
        IngestedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(8)),
        ScoredAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(9)),
        Customer = JsonSerializer.Deserialize(row.GetString(10), StorageJson.Default.CustomerRecord)
            ?? throw new InvalidDataException($"Prediction {row.GetString(0)} has no customer document."),
        Reasons = row.IsDBNull(11) ? null : SqliteReasonsColumn.Read(row.GetString(11)),
    };

    public static async Task<List<Prediction>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var predictions = new List<Prediction>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            predictions.Add(Read(reader));
        }
        return predictions;
    }

    public static string BandName(RiskBand band) => band switch
    {
        RiskBand.Low => "Low",
        RiskBand.Medium => "Medium",
        RiskBand.High => "High",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown risk band."),
    };

    public static RiskBand ParseBand(string name) => name switch
    {
        "Low" => RiskBand.Low,
        "Medium" => RiskBand.Medium,
        "High" => RiskBand.High,
        _ => throw new InvalidDataException($"Unknown risk band '{name}' in the store."),
    };
}
