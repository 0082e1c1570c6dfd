using System.Text;
using Churn.Domain.Predictions;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Churn.Core.Storage.Sqlite;

/// <summary>
/// The store's upsert, prepared once on the write connection and bound through SQLite's own C API (SQLitePCLRaw, which
/// Microsoft.Data.Sqlite runs on): each value goes straight to its parameter by position, numbers unboxed and strings
/// as UTF-8 from one reused buffer. Through <c>SqliteCommand</c> every execution looked each of the 31 parameters up by
/// name and boxed its value — measured as a sixth of the writer's time (docs/performance.md §16). Runs inside the
/// connection's current transaction; a failed step throws the <see cref="SqliteException"/> the command would have.
/// Used on the store's one writer thread only.
/// </summary>
internal sealed class SqliteUpsertStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[256];

    public SqliteUpsertStatement(SqliteConnection writer)
    {
        _db = writer.Handle ?? throw new InvalidOperationException("The write connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, SqliteSchema.Upsert, out _statement), _db);
    }

    /// <summary>Writes one prediction (in <see cref="SqliteSchema.Columns"/> order).</summary>
    public void Execute(Prediction prediction)
    {
        var c = prediction.Customer;
        Text(1, prediction.EventId);
        Text(2, prediction.CustomerId);
        Text(3, prediction.Source);
        Text(4, c.State);
        Real(5, prediction.ChurnProbability);
        Integer(6, prediction.PredictedChurn ? 1 : 0);
        Text(7, SqlitePredictionRows.BandName(prediction.RiskBand));
        Text(8, prediction.ModelVersion);
        Integer(9, prediction.OccurredAt.ToUnixTimeMilliseconds());
        Integer(10, prediction.IngestedAt.ToUnixTimeMilliseconds());
        Integer(11, prediction.ScoredAt.ToUnixTimeMilliseconds());
        if (c.Churn is { } actual)
        {
            Integer(12, actual ? 1 : 0);
        }
        else
        {
            Check(raw.sqlite3_bind_null(_statement, 12));
        }
        Integer(13, c.AccountLength);
        Integer(14, c.AreaCode);
        Integer(15, c.InternationalPlan ? 1 : 0);
        Integer(16, c.VoiceMailPlan ? 1 : 0);
        Integer(17, c.NumberVmailMessages);
        Real(18, c.TotalDayMinutes);
        Integer(19, c.TotalDayCalls);
        Real(20, c.TotalDayCharge);
        Real(21, c.TotalEveMinutes);
        Integer(22, c.TotalEveCalls);
        Real(23, c.TotalEveCharge);
        Real(24, c.TotalNightMinutes);
        Integer(25, c.TotalNightCalls);
        Real(26, c.TotalNightCharge);
        Real(27, c.TotalIntlMinutes);
        Integer(28, c.TotalIntlCalls);
        Real(29, c.TotalIntlCharge);
        Integer(30, c.CustomerServiceCalls);
        if (prediction.Reasons is { } reasons)
        {
            Check(raw.sqlite3_bind_text(_statement, 31, SqliteReasonsColumn.WriteUtf8(reasons)));
        }
        else
        {
            Check(raw.sqlite3_bind_null(_statement, 31));
        }
        var step = raw.sqlite3_step(_statement);
        var reset = raw.sqlite3_reset(_statement);
        if (step != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(step == raw.SQLITE_ROW ? reset : step, _db);
        }
    }

    private void Text(int index, string value)
    {
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length > _utf8.Length)
        {
            _utf8 = new byte[length];
        }
        var written = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, written)));
    }

    private void Integer(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    private void Real(int index, double value) => Check(raw.sqlite3_bind_double(_statement, index, value));

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose() => _statement.Dispose();
}
