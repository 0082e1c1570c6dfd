using Churn.Core.Ingest;
using Churn.Domain.Models;
using Churn.Testing;

namespace Churn.Distributed.Tests;

/// <summary>
/// What a replay of the BigML test file must leave in the store: one prediction per row under the replay's stable event
/// id, with the probability the Trainer's ONNX graph gives that row (<see cref="ReferenceScoring"/>).
/// </summary>
public static class TestFileEvents
{
    public const int Rows = 667;

    public static IReadOnlyDictionary<string, float> ExpectedProbabilities(string modelDirectory)
    {
        var events = new CsvReplaySource(RepositoryPaths.TestFile, TimeProvider.System).Read()
            .Select(item => item.Event!).ToList();
        var card = ModelCardJson.Load(Path.Combine(modelDirectory, ModelCardJson.FileName));
        var probabilities = ReferenceScoring.Score(Path.Combine(modelDirectory, "model.onnx"), card,
            [.. events.Select(e => e.Customer)]);
        return events.Select((e, i) => (e.EventId, probabilities[i])).ToDictionary(p => p.EventId, p => p.Item2);
    }

    /// <summary>Asserts the store holds exactly the test file: every row once, scored as the Trainer's graph scores it.</summary>
    public static async Task AssertStoredExactlyAsync(Topology topology)
    {
        var expected = ExpectedProbabilities(topology.ModelDirectory);
        var stored = await topology.Store.AllAsync();

        Assert.Equal(Rows, stored.Count);
        Assert.Equal(expected.Keys.Order(), stored.Select(p => p.EventId).Order());
        Assert.All(stored, p => Assert.Equal(expected[p.EventId], p.Probability, 1e-6));
    }
}
