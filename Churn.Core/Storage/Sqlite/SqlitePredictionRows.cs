using Churn.Domain.Customers;
using Churn.Domain.Predictions;
using Microsoft.Data.Sqlite;

namespace Churn.Core.Storage.Sqlite;

/// <summary>Reads rows of <see cref="SqliteSchema.Columns"/> back into predictions (<see cref="SqliteUpsertStatement"/> writes them).</summary>
internal static class SqlitePredictionRows
{
    public static Prediction Read(SqliteDataReader row) => new()
    {
        EventId = row.GetString(0),
        CustomerId = row.GetString(1),
        Source = row.GetString(2),
        ChurnProbability = row.GetDouble(4),
        PredictedChurn = row.GetInt64(5) != 0,
        RiskBand = ParseBand(row.GetString(6)),
        ModelVersion = row.GetString(7),
        OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(8)),
        IngestedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(9)),
        ScoredAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(10)),
        Customer = new CustomerRecord
        {
            State = row.GetString(3),
            Churn = row.IsDBNull(11) ? null : row.GetInt64(11) != 0,
            AccountLength = row.GetInt32(12),
            AreaCode = row.GetInt32(13),
            InternationalPlan = row.GetInt64(14) != 0,
            VoiceMailPlan = row.GetInt64(15) != 0,
            NumberVmailMessages = row.GetInt32(16),
            TotalDayMinutes = row.GetDouble(17),
            TotalDayCalls = row.GetInt32(18),
            TotalDayCharge = row.GetDouble(19),
            TotalEveMinutes = row.GetDouble(20),
            TotalEveCalls = row.GetInt32(21),
            TotalEveCharge = row.GetDouble(22),
            TotalNightMinutes = row.GetDouble(23),
            TotalNightCalls = row.GetInt32(24),
            TotalNightCharge = row.GetDouble(25),
            TotalIntlMinutes = row.GetDouble(26),
            TotalIntlCalls = row.GetInt32(27),
            TotalIntlCharge = row.GetDouble(28),
            CustomerServiceCalls = row.GetInt32(29),
        },
        Reasons = row.IsDBNull(30) ? null : SqliteReasonsColumn.Read(row.GetString(30)),
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
