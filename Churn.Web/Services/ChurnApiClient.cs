using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Churn.Domain.Api;
using Churn.Domain.Challenger;
using Churn.Domain.Customers;
using Churn.Domain.Models;
using Churn.Domain.Monitoring;
using Churn.Domain.Predictions;
using Microsoft.AspNetCore.WebUtilities;

namespace Churn.Web.Services;

/// <summary>Typed client of Churn.Api (base address: <see cref="ChurnApiAddress"/>).</summary>
public sealed class ChurnApiClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Task<PredictionStats?> GetStatsAsync(CancellationToken ct) =>
        http.GetFromJsonAsync<PredictionStats>("api/stats?bucketSeconds=60&windowMinutes=60&bins=20", Json, ct);

    /// <summary>A page of predictions, or the Api's validation errors (keyed by query parameter) when it refused the query.</summary>
    public async Task<(PredictionPage? Page, IReadOnlyDictionary<string, string[]> Errors)> GetPredictionsAsync(
        PredictionQuery query, CancellationToken ct)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["state"] = query.State, ["riskBand"] = query.RiskBand?.ToString(),
            ["predictedChurn"] = query.PredictedChurn?.ToString().ToLowerInvariant(),
            ["minProbability"] = query.MinProbability?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sort"] = query.Sort.ToString(), ["page"] = query.Page.ToString(), ["pageSize"] = query.PageSize.ToString(),
        };
        var url = QueryHelpers.AddQueryString("api/predictions", parameters.Where(p => p.Value is not null)!);
        using var response = await http.GetAsync(url, ct);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Json, ct);
            return (null, problem?.Errors ?? new() { [""] = [problem?.Detail ?? problem?.Title ?? "The Api refused the query."] });
        }
        response.EnsureSuccessStatusCode();
        return ((await response.Content.ReadFromJsonAsync<PredictionPage>(Json, ct))!, new Dictionary<string, string[]>());
    }

    public async Task<IReadOnlyList<Prediction>> GetCustomerHistoryAsync(string customerId, CancellationToken ct)
    {
        using var response = await http.GetAsync($"api/customers/{Uri.EscapeDataString(customerId)}/predictions?limit=100", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return [];
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<Prediction>>(Json, ct))!;
    }

    /// <summary>The serving model's card, or null while none serves (the Api answers 503).</summary>
    public async Task<ModelCard?> GetModelAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("api/model", ct);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ModelCard>(Json, ct);
    }

    /// <summary>The challenger and its live comparison, or null and the Api's reason when there is none (404).</summary>
    public async Task<(ChallengerReport? Report, string? Absent)> GetChallengerAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("api/models/challenger", ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Json, ct);
            return (null, problem?.Detail ?? problem?.Title ?? "No challenger.");
        }
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ChallengerReport>(Json, ct), null);
    }

    /// <summary>A page of the recorded dead letters, newest first, with the counts by reason kind.</summary>
    public async Task<DeadLetterPage> GetDeadLettersAsync(int page, int pageSize, CancellationToken ct) =>
        (await http.GetFromJsonAsync<DeadLetterPage>($"api/dead-letters?page={page}&pageSize={pageSize}", Json, ct))!;

    /// <summary>Drift over the sliding window, live quality per model version and the alert state.</summary>
    public async Task<MonitoringReport> GetMonitoringAsync(CancellationToken ct) =>
        (await http.GetFromJsonAsync<MonitoringReport>("api/monitoring", Json, ct))!;

    public async Task<ModelsResponse> GetModelsAsync(CancellationToken ct) =>
        (await http.GetFromJsonAsync<ModelsResponse>("api/models", Json, ct))!;

    /// <summary>Scores one customer (a JSON object of the 19 features) and explains it.</summary>
    public async Task<ScoreOutcome> ScoreAsync(object customer, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("api/score", new { customers = new[] { customer } }, Json, ct);
        if (response.IsSuccessStatusCode)
        {
            var score = (await response.Content.ReadFromJsonAsync<ScoreResponse>(Json, ct))!;
            return new ScoreOutcome(score.Results[0], score.ModelVersion, new Dictionary<string, string[]>(), null);
        }
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Json, ct);
        var errors = (problem?.Errors ?? []).ToDictionary(e => e.Key.Replace("customers[0].", ""), e => e.Value);
        return new ScoreOutcome(null, null, errors, problem?.Detail ?? problem?.Title ?? $"The Api answered {(int)response.StatusCode}.");
    }

    public Task<ScoreOutcome> ScoreAsync(CustomerRecord customer, CancellationToken ct) => ScoreAsync((object)customer, ct);

    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
