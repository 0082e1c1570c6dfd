using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Churn.Api.Idempotency;
using Churn.Api.Retention;
using Churn.Core.DeadLetters;
using Churn.Core.Ingest;
using Churn.Core.Monitoring;
using Churn.Core.Serving;
using Churn.Domain.Api;
using Churn.Domain.Challenger;
using Churn.Domain.Customers;
using Churn.Domain.Events;
using Churn.Domain.Models;
using Churn.Domain.Monitoring;
using Churn.Domain.Predictions;
using Churn.Testing;
using Churn.Trainer.Candidates;
using Churn.Trainer.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Churn.Api.Tests;

/// <summary>The examples of /openapi/v1.json are in the formats the pipeline really produces, checked against the code that produces them.</summary>
public sealed class OpenApiExampleTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private Task<JsonNode> Example(string path, string method, int status = 200) => OpenApi.ResponseExampleAsync(factory, path, method, status);

    [Fact]
    public async Task Example_predictions_are_what_replaying_their_csv_source_produces()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        JsonNode[] predictions =
        [
            await Example("/api/predictions/{eventId}", "get"),
            (await Example("/api/predictions", "get"))["items"]![0]!,
            (await Example("/api/customers/{customerId}/predictions", "get"))[0]!,
        ];

        foreach (var example in predictions)
        {
            var (eventId, source) = (example["eventId"]!.GetValue<string>(), example["source"]!.GetValue<string>());
            Assert.StartsWith("csv:", source);
            var replay = new CsvReplaySource(Path.Combine(RepositoryPaths.Root, "data", source["csv:".Length..]), TimeProvider.System);
            var replayed = replay.Read().Select(item => item.Event).SingleOrDefault(e => e?.EventId == eventId);
            Assert.True(replayed is not null, $"replaying {source} produces no event '{eventId}'");
            Assert.Equal(replayed.CustomerId, example["customerId"]!.GetValue<string>());
            Assert.Equal(replayed.Source, source);
            Assert.Equal(replayed.Customer, example["customer"].Deserialize<CustomerRecord>(Json.Options));
        }
    }

    [Fact]
    public async Task Example_predictions_carry_the_probability_and_reasons_the_trainers_model_computes_for_their_customer()
    {
        var directory = await TrainedModel.EnsureAsync();
        var served = ModelCandidate.LoadServing(directory, new ModelOptions { Directory = directory });
        using var scorer = served.Scorer as IDisposable;
        JsonNode[] examples =
        [
            await Example("/api/predictions/{eventId}", "get"),
            (await Example("/api/predictions", "get"))["items"]![0]!,
            (await Example("/api/customers/{customerId}/predictions", "get"))[0]!,
        ];

        foreach (var example in examples)
        {
            var prediction = example.Deserialize<Prediction>(Json.Options)!;
            var probability = new float[1];
            served.Scorer.Score([prediction.Customer], probability);
            var reasons = served.Explainer!.Explain(prediction.Customer);

            Assert.Equal(served.Card.Version, prediction.ModelVersion);
            Assert.Equal(probability[0], prediction.ChurnProbability); // the float, widened, as the worker stores it
            Assert.Equal((RiskBands.For(probability[0], served.Card.Threshold), probability[0] >= served.Card.Threshold),
                (prediction.RiskBand, prediction.PredictedChurn));
            Assert.True(reasons.Equals(prediction.Reasons),
                $"the example's reasons are not the served model's; they are {JsonSerializer.Serialize(reasons, Json.Options)}");
        }
    }

    [Fact]
    public async Task Example_event_ids_of_published_customers_are_in_the_format_the_publisher_generates()
    {
        var generated = factory.Services.GetRequiredService<IngestPublisher>().NewEvent("crm-42", TestCustomers.Typical()).EventId;
        var examples = (await Example("/api/customers", "post", 202))["eventIds"]!.AsArray().Select(id => id!.GetValue<string>()).ToList();

        Assert.NotEmpty(examples);
        Assert.All([generated, .. examples], id =>
        {
            Assert.True(Guid.TryParseExact(id.StartsWith("api-") ? id[4..] : "", "N", out var uuid) && uuid.Version == 7 && id == $"api-{uuid:N}",
                $"'{id}' is not api-{{UUIDv7 as 32 lowercase hex digits}}");
        });
    }

    [Fact]
    public async Task The_partial_failure_example_names_the_event_ids_its_documented_idempotency_key_derives()
    {
        var operation = await OpenApi.OperationAsync(factory, "/api/customers", "post");
        var header = operation["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == IdempotencyKey.HeaderName)!;
        Assert.True(IdempotencyKey.TryRead(new StringValues(header["example"]!.GetValue<string>()), out var key, out var error), error);
        var example = await Example("/api/customers", "post", 503);
        var listed = example["accepted"]!.AsArray().Concat(example["notAccepted"]!.AsArray())
            .Select(c => (Index: c!["index"]!.GetValue<int>(), EventId: c["eventId"]!.GetValue<string>())).ToList();

        Assert.NotEmpty(listed);
        Assert.All(listed, c => Assert.Equal(key!.EventIdAt(c.Index), c.EventId));
        Assert.All(listed, c => Assert.True(CustomerEventRules.IsValidId(c.EventId), c.EventId));
        Assert.StartsWith("Gave up waiting for space in churn.customers[", example["notAccepted"]![0]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Example_model_versions_are_in_the_trainers_format()
    {
        var trained = await TrainedModel.CardAsync();
        var models = await Example("/api/models", "get");
        string[] versions =
        [
            (await Example("/api/model", "get"))["version"]!.GetValue<string>(),
            (await Example("/api/predictions/{eventId}", "get"))["modelVersion"]!.GetValue<string>(),
            (await Example("/api/score", "post"))["modelVersion"]!.GetValue<string>(),
            (await Example("/api/admin/model/reload", "post"))["servingVersion"]!.GetValue<string>(),
            models["serving"]!.GetValue<string>(),
            .. models["models"]!.AsArray().Select(m => m!["version"]!.GetValue<string>()),
        ];

        Assert.Equal(trained.Algorithm, CandidateOf(trained.Version).Algorithm); // the format below is the one the Trainer writes
        Assert.All(versions, version => CandidateOf(version));
        Assert.All(models["models"]!.AsArray(), m =>
            Assert.Equal(CandidateOf(m!["version"]!.GetValue<string>()).Algorithm, m["algorithm"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_example_model_card_describes_what_the_trainer_writes()
    {
        var trained = await TrainedModel.CardAsync();

        var card = (await Example("/api/model", "get")).Deserialize<ModelCard>(Json.Options)!;

        var candidate = CandidateOf(card.Version);
        Assert.Equal(candidate.Algorithm, card.Algorithm);
        Assert.Equal(candidate.Hyperparameters, card.Hyperparameters);
        Assert.Equal((trained.ThresholdRule, trained.SelectionRule, trained.Seed), (card.ThresholdRule, card.SelectionRule, card.Seed));
        Assert.Equal((trained.TrainingData, trained.TestData), (card.TrainingData, card.TestData));
        Assert.Equal(trained.Onnx, card.Onnx);
        Assert.Equal(trained.FeatureNames, card.FeatureNames);
        Assert.Equal(trained.Calibration!.Rule, card.Calibration!.Rule);
        Assert.Equal(trained.Calibration.Compared.Select(c => (c.Method, c.Selected)), card.Calibration.Compared.Select(c => (c.Method, c.Selected)));
        Assert.Equal(trained.Calibration.Serving.Method, card.Calibration.Serving.Method);
    }

    [Fact]
    public async Task Example_dead_letters_are_what_the_worker_and_ingest_write_for_their_values()
    {
        RepositoryPaths.SkipUnlessDataPresent();
        var letters = (await Example("/api/dead-letters", "get")).Deserialize<DeadLetterPage>(Json.Options)!.Items;
        var poison = letters.Single(l => l.SourceTopic is not null);
        var rejected = letters.Single(l => l.Origin is not null);

        // The worker: the excerpt's value read as an event, and the key a replayed customer's id.
        var value = Encoding.UTF8.GetBytes(poison.Excerpt);
        Assert.False(CustomerEventJson.TryDeserialize(value, out _, out var error));
        Assert.Equal($"deserialization failed: {error}", poison.Reason);
        Assert.Equal(DeadLetterReader.KindOf(poison.Reason), poison.ReasonKind);
        Assert.Equal((DeadLetterReader.Excerpt(value, value.Length), value.Length), (poison.Excerpt, poison.ValueBytes));
        var replayed = new CsvReplaySource(RepositoryPaths.TestFile, TimeProvider.System).Read().ToList();
        Assert.Contains(replayed, item => item.Event?.CustomerId == poison.Key);

        // Ingest: the test file with the excerpt as the row of its line, replayed.
        using var directory = new TempDirectory();
        var file = directory.Combine(Path.GetFileName(RepositoryPaths.TestFile));
        var origin = rejected.Origin!;
        var line = int.Parse(origin[(origin.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var lines = File.ReadLines(RepositoryPaths.TestFile).Take(line).ToArray();
        lines[line - 1] = rejected.Excerpt;
        File.WriteAllLines(file, lines);
        var item = new CsvReplaySource(file, TimeProvider.System).Read().Single(i => i.Event is null);
        Assert.Equal((item.Origin, item.RejectionReason, item.Raw), (rejected.Origin, rejected.Reason, rejected.Excerpt));
        Assert.Equal((DeadLetterReader.IngestRejectedKind, item.Origin, Encoding.UTF8.GetByteCount(item.Raw!)),
            (rejected.ReasonKind, rejected.Key, rejected.ValueBytes));
    }

    [Fact]
    public async Task The_challenger_example_is_a_card_the_trainer_writes_for_a_challenger_and_a_comparison_as_the_comparer_computes_it()
    {
        var trained = await TrainedChallenger.CardAsync();
        var report = (await Example("/api/models/challenger", "get")).Deserialize<ChallengerReport>(Json.Options)!;
        var promoted = (await Example("/api/admin/challenger/promote", "post")).Deserialize<ModelSwapResult>(Json.Options)!;
        var reloaded = (await Example("/api/admin/challenger/reload", "post")).Deserialize<ModelSwapResult>(Json.Options)!;
        var (card, c) = (report.Card, report.Comparison);

        // The card: what `--candidates fast-tree-8-leaves-ff` trains (another algorithm than the serving example's).
        var candidate = CandidateOf(card.Version);
        Assert.Equal(TrainedChallenger.Candidate, candidate.Name);
        Assert.Equal(CandidateOf(trained.Version).Name, candidate.Name);
        Assert.Equal(candidate.Algorithm, card.Algorithm);
        Assert.Equal(candidate.Hyperparameters, card.Hyperparameters);
        Assert.Equal((trained.ThresholdRule, trained.SelectionRule, trained.Seed), (card.ThresholdRule, card.SelectionRule, card.Seed));
        Assert.Equal(trained.Onnx, card.Onnx);
        Assert.Equal(trained.FeatureNames, card.FeatureNames);
        Assert.NotEqual(CandidateOf(report.ChampionVersion!).Name, candidate.Name);
        Assert.All([c.ChallengerVersion, promoted.ServingVersion!, reloaded.ServingVersion!], v => Assert.Equal(card.Version, v));
        Assert.All(c.ChampionVersions, v => CandidateOf(v.Version));
        Assert.Equal((ModelSwapOutcome.Swapped, ModelSwapOutcome.Swapped), (promoted.Outcome, reloaded.Outcome));

        // The comparison: its numbers hang together as ShadowComparer computes them (shown to 4 decimals).
        var d = c.Decisions;
        Assert.Equal(c.Events, d.BothChurn + d.ChampionOnly + d.ChallengerOnly + d.NeitherChurn);
        Assert.Equal(c.Events, c.ChampionVersions.Sum(v => v.Events));
        Assert.InRange(c.Events, 1, Math.Min(c.Window, c.ShadowPredictions));
        Assert.InRange(c.Labelled, 0, c.Events);
        Assert.True(c.From <= c.To);
        Assert.Equal(Math.Round((d.BothChurn + d.NeitherChurn) / (double)c.Events, 4), c.Agreement);
        Assert.InRange(c.MeanAbsoluteDifference!.Value, 0, 1);
        foreach (var (side, churn) in new[] { (c.Champion!, d.BothChurn + d.ChampionOnly), (c.Challenger!, d.BothChurn + d.ChallengerOnly) })
        {
            var m = side.ConfusionMatrix!;
            Assert.Equal(c.Labelled, m.TruePositives + m.FalsePositives + m.FalseNegatives + m.TrueNegatives);
            Assert.Equal(Math.Round(churn / (double)c.Events, 4), side.PredictedChurnRate);
            Assert.Equal(Math.Round(m.TruePositives / (double)(m.TruePositives + m.FalsePositives), 4), side.Precision);
            Assert.Equal(Math.Round(m.TruePositives / (double)(m.TruePositives + m.FalseNegatives), 4), side.Recall);
            Assert.All([side.Auc!.Value, side.Brier!.Value, side.MeanProbability], v => Assert.InRange(v, 0, 1));
            // Profits with the documented default economics: realised from the confusion matrix, expected between
            // contacting nobody who stays and contacting only churners.
            var economics = new RetentionOptions().Economics;
            var contacted = m.TruePositives + m.FalsePositives;
            Assert.Equal(economics.RealisedProfit(m.TruePositives, contacted), side.RealisedProfit);
            Assert.InRange(side.ExpectedProfit!.Value, economics.ExpectedProfit(0, contacted), economics.ExpectedProfit(contacted, contacted));
        }
    }

    [Fact]
    public async Task The_monitoring_example_is_what_the_monitor_computes_with_the_trainers_card()
    {
        var card = await TrainedModel.CardAsync();
        var report = (await Example("/api/monitoring", "get")).Deserialize<MonitoringReport>(Json.Options)!;
        var options = new MonitoringOptions();

        Assert.Equal(card.Version, report.ReferenceModelVersion);
        Assert.Equal((options.WindowSize, options.MinimumEvents, options.WarnPsi, options.AlertPsi, PopulationStability.Epsilon,
            options.QualityWindowSize, options.MinimumLabelled), (report.Settings.WindowSize, report.Settings.MinimumEvents,
            report.Settings.WarnPsi, report.Settings.AlertPsi, report.Settings.Epsilon, report.Settings.QualityWindowSize,
            report.Settings.MinimumLabelled));
        Assert.NotEmpty(report.Features);
        foreach (var feature in report.Features)
        {
            // The bins are the card's, counted and described by the monitor's own code; the PSI and state follow from them.
            var counts = feature.Bins.Select(b => b.Count).ToArray();
            Assert.Equal(report.Events, counts.Sum());
            var statistics = card.FeatureStatistics[feature.Feature];
            Assert.Equal(statistics.Kind, feature.Kind);
            IReadOnlyList<DriftBin> expected;
            if (statistics.Distribution is { } reference)
            {
                expected = DriftBins.Numeric(reference, counts, PopulationStability.Contributions(reference.Proportions, counts));
            }
            else
            {
                var levels = statistics.Categories!.Keys.Order(StringComparer.Ordinal).ToList();
                var shares = levels.Select(l => statistics.Categories[l]).ToList();
                expected = DriftBins.Categorical(levels, shares, counts, PopulationStability.Contributions(shares, counts));
            }
            AssertBins(expected, feature.Bins);
            Assert.Equal(feature.Bins.Sum(b => b.Contribution), feature.Psi!.Value, 5);
            Assert.Equal(PopulationStability.MinimumEvents(feature.Bins.Count, card.TrainingData.Rows, options.WarnPsi, options.MinimumEvents), feature.MinimumEvents);
            Assert.Equal(PopulationStability.StateOf(feature.Psi.Value, options.WarnPsi, options.AlertPsi), feature.State);
        }

        var predictions = Assert.Single(report.Predictions);
        Assert.Equal(card.Version, predictions.ModelVersion);
        var predictionCounts = predictions.Bins.Select(b => b.Count).ToArray();
        var distribution = card.PredictionDistribution!;
        AssertBins(DriftBins.Numeric(distribution, predictionCounts, PopulationStability.Contributions(distribution.Proportions, predictionCounts)), predictions.Bins);
        Assert.Equal(PopulationStability.StateOf(predictions.Psi!.Value, options.WarnPsi, options.AlertPsi), predictions.State);

        var drifted = report.Features.Select(f => (Name: f.Feature, f.Psi, f.State))
            .Append((Name: $"predictions of {predictions.ModelVersion}", predictions.Psi, predictions.State))
            .Where(d => d.State is DriftState.Warn or DriftState.Alert).OrderByDescending(d => d.Psi);
        Assert.Equal(drifted.Select(d => MonitoringReportBuilder.AlertText(d.Name, d.Psi!.Value, d.State, options)), report.Alerts);
        Assert.Equal(MonitoringReportBuilder.Overall([.. report.Features.Select(f => f.State), predictions.State]), report.AlertState);

        var quality = Assert.Single(report.Quality);
        var holdout = card.HoldoutMetrics;
        Assert.Equal(new ExpectedQuality(holdout.Auc, holdout.Precision, holdout.Recall, holdout.Brier,
            (double)card.TestData.Positives / card.TestData.Rows), quality.Expected);
        Assert.Equal((card.Version, card.TestData.Rows, card.TestData.Positives), (quality.ModelVersion, quality.Labelled, quality.Churners));
    }

    /// <summary>The example's bins, rounded to 6 digits, against the ones the monitor's code describes.</summary>
    private static void AssertBins(IReadOnlyList<DriftBin> expected, IReadOnlyList<DriftBin> example)
    {
        Assert.Equal(expected.Select(b => (b.Label, b.Level, b.Count)), example.Select(b => (b.Label, b.Level, b.Count)));
        foreach (var (e, x) in expected.Zip(example))
        {
            Assert.Equal(e.Lower ?? double.NaN, x.Lower ?? double.NaN, 6);
            Assert.Equal(e.Upper ?? double.NaN, x.Upper ?? double.NaN, 6);
            Assert.Equal(e.Expected, x.Expected, 6);
            Assert.Equal(e.Actual, x.Actual, 6);
            Assert.Equal(e.Contribution, x.Contribution, 6);
        }
    }

    /// <summary>
    /// The Trainer's candidate a model version names: versions are <c>{candidate}-{first 12 hex digits of the SHA-256 of
    /// model.onnx}</c> (ModelArtifacts.BuildCard).
    /// </summary>
    private static Candidate CandidateOf(string version)
    {
        // Candidate names can be prefixes of each other (light-gbm-8-leaves, light-gbm-8-leaves-ff): split at the hash.
        Assert.True(version.Length > 13 && version[^13] == '-' && version[^12..].All(char.IsAsciiHexDigitLower),
            $"'{version}' does not end with '-' and 12 lowercase hex digits");
        var candidate = CandidateCatalog.All(TrainerOptions.DefaultSeed).SingleOrDefault(c => c.Name == version[..^13]);
        Assert.True(candidate is not null, $"'{version}' does not start with the name of a Trainer candidate");
        return candidate;
    }
}
