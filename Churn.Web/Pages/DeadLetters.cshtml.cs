using Churn.Domain.Api;
using Churn.Domain.DeadLetters;
using Churn.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Churn.Web.Pages;

public sealed class DeadLettersModel(ChurnApiClient api) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public DeadLetterPage? Results { get; private set; }
    public int PageCount => Results is null ? 0 : (int)Math.Ceiling(Results.Total / (double)PageSize);

    public async Task OnGetAsync(CancellationToken ct) =>
        Results = await api.GetDeadLettersAsync(Math.Max(1, PageNumber), PageSize, ct);

    /// <summary>Where the record came from: <c>topic[partition]@offset</c> for a poison record, the origin for an ingest rejection.</summary>
    public static string SourceOf(DeadLetter letter) =>
        letter.SourceTopic is { } topic
            ? $"{topic}[{letter.SourcePartition?.ToString() ?? "?"}]@{letter.SourceOffset?.ToString() ?? "?"}"
            : letter.Origin ?? "–";
}
