using System.Globalization;
using Churn.Domain.Monitoring;
using Churn.Web.Pages.Shared.Charts;
using Churn.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Churn.Web.Pages;

public sealed class MonitoringModel(ChurnApiClient api) : PageModel
{
    public MonitoringReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Report = await api.GetMonitoringAsync(ct);

    public static string StateText(DriftState state) => state switch
    {
        DriftState.Ok => "OK",
        DriftState.Warn => "Warning",
        DriftState.Alert => "Alert",
        DriftState.NotEnoughData => "Not enough data",
        DriftState.NoReference => "No reference",
        _ => state.ToString(),
    };

    /// <summary>The distributions above the warn threshold, whose bins the page draws.</summary>
    public static bool Drifted(DriftState state) => state is DriftState.Warn or DriftState.Alert;

    /// <summary>A model version shortened to its candidate and the first 6 hex digits of its hash.</summary>
    public static string Short(string version) =>
        version.Length > 13 && version[^13] == '-' ? version[..^6] : version;

    /// <summary>The 6 first hex digits of a Trainer version's model hash (the whole version otherwise), for narrow labels.</summary>
    public static string Hash(string version) =>
        version.Length > 13 && version[^13] == '-' ? version[^12..^6] : version;

    public static string Psi(double? psi) => psi?.ToString("0.000", CultureInfo.InvariantCulture) ?? "—";

    public static string Rate(double? value) => value?.ToString("P1", CultureInfo.InvariantCulture) ?? "—";

    public static string Number(double? value, string format = "0.000") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "—";

    public PsiChartData PsiChart(MonitoringReport report) => new("chart-psi", "Population stability index per distribution",
        $"PSI of each customer field against the training file and of each model version's predictions against its out-of-fold reference, " +
        $"over the {report.Events:N0} most recently scored events; the dashed lines are the warn ({report.Settings.WarnPsi}) and alert ({report.Settings.AlertPsi}) thresholds.",
        [
            .. report.Features.Where(f => f.Psi is not null).Select(f => new PsiRow(f.Feature, f.Feature, f.Psi!.Value, f.State)),
            .. report.Predictions.Where(p => p.Psi is not null).Select(p => new PsiRow($"predictions:{p.ModelVersion}", $"predictions {Hash(p.ModelVersion)}", p.Psi!.Value, p.State)),
        ], report.Settings.WarnPsi, report.Settings.AlertPsi);

    public static BinsChartData BinsChart(FeatureDrift f) => BinsChart($"chart-bins-{IdOf(f.Feature)}", f.Feature, f.Psi, f.Bins);

    public static BinsChartData BinsChart(PredictionDrift p) =>
        BinsChart($"chart-bins-predictions-{IdOf(p.ModelVersion)}", $"predictions of {Short(p.ModelVersion)}", p.Psi, p.Bins);

    private static BinsChartData BinsChart(string id, string name, double? psi, IReadOnlyList<DriftBin> bins) => new(id,
        $"{name}: PSI {Psi(psi)}", $"Share of the reference (thin bar) and of the window (thick bar) in each bin of {name}.", bins);

    /// <summary>An id fragment for a distribution (letters, digits and dashes).</summary>
    public static string IdOf(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
