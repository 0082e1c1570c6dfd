using Churn.Benchmarks.Setup;
using Churn.Domain.Customers;
using Churn.Domain.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Churn.Benchmarks.Scoring;

/// <summary>
/// ML.NET's per-row path over the serving model's twin: one reused <see cref="PredictionEngine{TSrc,TDst}"/>, one
/// reused input and output object, the same C# features as the ONNX scorer. Not thread-safe (neither is the engine).
/// </summary>
public sealed class MlNetBaseline : IDisposable
{
    private readonly PredictionEngine<FeatureInput, ProbabilityOutput> _engine;
    private readonly FeatureInput _input = new() { Features = new float[ChurnFeatures.Count] };
    private ProbabilityOutput _output = new();

    public MlNetBaseline()
    {
        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(FeatureInput));
        schema[nameof(FeatureInput.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ChurnFeatures.Count);
        _engine = ml.Model.CreatePredictionEngine<FeatureInput, ProbabilityOutput>(BenchModel.LoadMlNet(ml),
            inputSchemaDefinition: schema);
    }

    public float Score(CustomerRecord customer)
    {
        ChurnFeatures.Write(customer, _input.Features);
        _engine.Predict(_input, ref _output);
        return _output.Probability;
    }

    public void Dispose() => _engine.Dispose();

    public sealed class FeatureInput
    {
        public float[] Features { get; set; } = [];
    }

    public sealed class ProbabilityOutput
    {
        public float Probability { get; set; }
    }
}
