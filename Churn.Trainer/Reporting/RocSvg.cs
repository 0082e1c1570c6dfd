using System.Globalization;
using System.Text;
using Churn.Domain.Models;

namespace Churn.Trainer.Reporting;

/// <summary>The held-out ROC curve as a small standalone SVG (no scripts, no external resources).</summary>
public static class RocSvg
{
    private const int Size = 320, Margin = 40, Plot = Size - 2 * Margin;

    public static string Render(double auc, IReadOnlyList<RocPoint> roc)
    {
        static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        var points = string.Join(' ', roc.Select(p => $"{F(Margin + p.FalsePositiveRate * Plot)},{F(Margin + (1 - p.TruePositiveRate) * Plot)}"));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Size} {Size}\" width=\"{Size}\" height=\"{Size}\" role=\"img\" aria-label=\"ROC curve on the test file, AUC {auc:0.000}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Margin}\" y=\"{Margin}\" width=\"{Plot}\" height=\"{Plot}\" fill=\"#fff\" stroke=\"#333\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Margin}\" y1=\"{Margin + Plot}\" x2=\"{Margin + Plot}\" y2=\"{Margin}\" stroke=\"#999\" stroke-dasharray=\"4 4\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"2\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Size / 2}\" y=\"{Size - 8}\" text-anchor=\"middle\" font-size=\"12\">False positive rate</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{Size / 2}\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 12 {Size / 2})\">True positive rate</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Size / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"13\">ROC on the test file — AUC {auc:0.000}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
