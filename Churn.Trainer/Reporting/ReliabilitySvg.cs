using System.Globalization;
using System.Text;
using Churn.Domain.Models;

namespace Churn.Trainer.Reporting;

/// <summary>
/// The held-out reliability diagram as a small standalone SVG (no scripts, no external resources): per bin of width 0.1,
/// the observed churn share against the mean predicted probability; bars along the bottom show how many customers each
/// bin holds, with the count above; the diagonal is perfect calibration.
/// </summary>
public static class ReliabilitySvg
{
    private const int Size = 320, Margin = 40, Plot = Size - 2 * Margin, Histogram = 36;

    public static string Render(double ece, IReadOnlyList<ReliabilityBin> bins)
    {
        static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        static double X(double v) => Margin + v * Plot;
        static double Y(double v) => Margin + (1 - v) * Plot;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Size} {Size}\" width=\"{Size}\" height=\"{Size}\" role=\"img\" aria-label=\"Reliability diagram on the test file, ECE {ece:0.0000}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Margin}\" y=\"{Margin}\" width=\"{Plot}\" height=\"{Plot}\" fill=\"#fff\" stroke=\"#333\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Margin}\" y1=\"{Margin + Plot}\" x2=\"{Margin + Plot}\" y2=\"{Margin}\" stroke=\"#999\" stroke-dasharray=\"4 4\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', bins.Select(b => $"{F(X(b.MeanPredicted))},{F(Y(b.ObservedRate))}"))}\" fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"2\"/>");
        var most = Math.Max(1, bins.Count == 0 ? 1 : bins.Max(b => b.Count));
        foreach (var b in bins)
        {
            // Customers per bin along the bottom (square-root scale), the count above each bar.
            var h = Histogram * Math.Sqrt((double)b.Count / most);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(X(b.Lower) + 1.2)}\" y=\"{F(Y(0) - h)}\" width=\"{F(Plot / 10.0 - 2.4)}\" height=\"{F(h)}\" fill=\"#1f5fbf\" opacity=\"0.3\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X((b.Lower + b.Upper) / 2))}\" y=\"{F(Y(0) - h - 3)}\" text-anchor=\"middle\" font-size=\"10\">{b.Count}</text>");
        }
        foreach (var b in bins)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(b.MeanPredicted))}\" cy=\"{F(Y(b.ObservedRate))}\" r=\"4\" fill=\"#1f5fbf\"><title>{b.Lower:0.0}–{b.Upper:0.0}: {b.Count} customers, predicted {b.MeanPredicted:0.000}, observed {b.ObservedRate:0.000}</title></circle>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Size / 2}\" y=\"{Size - 8}\" text-anchor=\"middle\" font-size=\"12\">Mean predicted probability</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{Size / 2}\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 12 {Size / 2})\">Observed churn share</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Size / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"13\">Reliability on the test file — ECE {ece:0.0000}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
