using Churn.Benchmarks.Setup;
using Churn.Core.Serving;
using Churn.Domain.Customers;

namespace Churn.Benchmarks.Scoring;

/// <summary>
/// What every scoring benchmark shares: 8 windows of distinct rows (65,536 for the default window of 8,192), and the
/// rule that one benchmark invocation scores one window (so rows/s = OperationsPerInvoke / time), moving on through
/// the set and never reusing a small batch.
/// </summary>
public sealed class ScoringRows(int rowsPerInvoke = ScoringRows.RowsPerInvoke)
{
    public const int RowsPerInvoke = 8192;
    private const int Windows = 8;

    private readonly CustomerRecord[] _rows = JitteredCustomers.Create(rowsPerInvoke * Windows);
    private readonly float[] _probabilities = new float[rowsPerInvoke];
    private int _offset;

    /// <summary>The next window of rows (the set is a whole number of windows, so a window never wraps).</summary>
    public ReadOnlySpan<CustomerRecord> Next()
    {
        var window = _rows.AsSpan(_offset, rowsPerInvoke);
        _offset = (_offset + rowsPerInvoke) % _rows.Length;
        return window;
    }

    /// <summary>Scores the next window through <paramref name="scorer"/> in Runs of <paramref name="batch"/> rows.</summary>
    public float ScoreInBatches(IChurnScorer scorer, int batch)
    {
        var rows = Next();
        for (var start = 0; start < rows.Length; start += batch)
        {
            var count = Math.Min(batch, rows.Length - start);
            scorer.Score(rows.Slice(start, count), _probabilities.AsSpan(start, count));
        }
        return _probabilities[rows.Length - 1];
    }
}
