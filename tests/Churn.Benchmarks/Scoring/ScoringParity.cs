using Churn.Benchmarks.Setup;
using Churn.Core.Onnx;

namespace Churn.Benchmarks.Scoring;

/// <summary>
/// Before timing anything: proves the baseline and the serving scorer are the same model by comparing their
/// probabilities on every benchmark row. A twin that disagrees would make the ratios meaningless, so it stops the run.
/// </summary>
public static class ScoringParity
{
    public const double Tolerance = 1e-4;

    public static void Report(TextWriter log)
    {
        var rows = JitteredCustomers.Create();
        using var engine = new MlNetBaseline();
        using var scorer = new OnnxChurnScorer(File.ReadAllBytes(BenchModel.ModelPath), BenchModel.Card());
        var onnx = new float[rows.Length];
        scorer.Score(rows, onnx);
        var worst = 0.0;
        for (var i = 0; i < rows.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(engine.Score(rows[i]) - onnx[i]));
        }
        log.WriteLine($"Model {scorer.Card.Version}: ML.NET twin vs ONNX serving scorer, max |Δp| = {worst:E2} over {rows.Length:N0} distinct rows");
        if (worst > Tolerance)
        {
            throw new InvalidOperationException($"The ML.NET baseline disagrees with the ONNX model (max |Δp| {worst:E2} > {Tolerance}).");
        }
    }
}
