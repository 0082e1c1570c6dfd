using BenchmarkDotNet.Attributes;
using Churn.Core.Customers;
using Churn.Core.Features;
using Churn.Core.Models;
using Churn.Testing;
using Churn.Trainer.Candidates;
using Churn.Trainer.Cli;
using Churn.Trainer.Data;
using Churn.Trainer.Export;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Churn.Benchmarks;

/// <summary>
/// The baseline: ML.NET's PredictionEngine, one row per call, on the same model. The card's winning candidate is refit
/// on the training file with the Trainer's seed (the pipeline the ONNX graph was exported from) and checked against
/// the ONNX graph before measuring.
/// </summary>
public class PredictionEngineBenchmarks
{
    private CustomerRecord[] _rows = [];
    private PredictionEngine<Input, Output>? _engine;
    private readonly Input _input = new();
    private readonly Output _output = new();

    [GlobalSetup]
    public void Setup()
    {
        var directory = TrainedModel.EnsureAsync().GetAwaiter().GetResult();
        var card = ModelCardJson.Load(Path.Combine(directory, ModelCardJson.FileName));
        var winner = card.Leaderboard.Single(e => e.Selected).Candidate;
        var candidate = CandidateCatalog.All(card.Seed).Single(c => c.Name == winner);
        var ml = new MLContext(card.Seed);
        var train = LabelledData.Load(RepositoryPaths.TrainFile);
        var model = candidate.Build(ml).Fit(FeatureViews.Labelled(ml, train.Customers));
        var schema = SchemaDefinition.Create(typeof(Input));
        schema[nameof(Input.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ChurnFeatures.Count);
        _engine = ml.Model.CreatePredictionEngine<Input, Output>(model, inputSchemaDefinition: schema);
        _rows = BenchmarkRows.Create();
        VerifySameModel(File.ReadAllBytes(Path.Combine(directory, "model.onnx")));
    }

    [Benchmark(Baseline = true)]
    public float PredictionEnginePerRow()
    {
        var last = 0f;
        foreach (var row in _rows)
        {
            last = Predict(row);
        }
        return last;
    }

    private float Predict(CustomerRecord row)
    {
        _input.Features = ChurnFeatures.Build(row);
        var output = _output;
        _engine!.Predict(_input, ref output);
        return output.Probability;
    }

    private void VerifySameModel(byte[] onnx)
    {
        var sample = _rows.Take(2000).ToArray();
        var fromOnnx = OnnxExport.Score(onnx, sample);
        var maxDiff = sample.Select((row, i) => Math.Abs(Predict(row) - fromOnnx[i])).Max();
        if (maxDiff > OnnxExport.Tolerance)
        {
            throw new InvalidOperationException($"the refit ML.NET model differs from model.onnx by {maxDiff}");
        }
    }

    public sealed class Input
    {
        public float[] Features { get; set; } = [];
    }

    public sealed class Output
    {
        public float Probability { get; set; }
    }
}
