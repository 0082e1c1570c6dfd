using Churn.Benchmarks.Setup;
using Churn.Domain.Customers;
using Churn.Domain.Features;
using Churn.Domain.Models;
using Microsoft.ML.OnnxRuntime;

namespace Churn.Benchmarks.Scoring;

/// <summary>
/// A bare <see cref="InferenceSession"/> for one fixed batch size with input and output <see cref="OrtValue"/>s
/// created ONCE over pinned arrays (the features are rewritten in place before each Run): what the serving scorer
/// could save by not renting buffers and wrapping them per call.
/// </summary>
public sealed class RawOnnxSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly float[] _features;
    private readonly float[] _probabilities;
    private readonly OrtValue _input;
    private readonly OrtValue _output;
    private readonly OrtValue[] _inputs;
    private readonly OrtValue[] _outputs;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly RunOptions _runOptions = new();
    private readonly int _batch;

    public RawOnnxSession(ModelCard card, int batch, SessionTuning tuning)
    {
        _batch = batch;
        using var options = new SessionOptions
        {
            IntraOpNumThreads = tuning.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = tuning.Mode,
            GraphOptimizationLevel = tuning.Optimization,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", tuning.AllowSpinning ? "1" : "0");
        _session = new InferenceSession(File.ReadAllBytes(BenchModel.ModelPath), options);
        _inputNames = [card.Onnx.InputName];
        _outputNames = [card.Onnx.OutputName];
        _features = new float[batch * ChurnFeatures.Count];
        _probabilities = new float[batch];
        var outputRank = _session.OutputMetadata[card.Onnx.OutputName].Dimensions.Length;
        _input = OrtValue.CreateTensorValueFromMemory(_features, [batch, ChurnFeatures.Count]);
        _output = OrtValue.CreateTensorValueFromMemory(_probabilities, outputRank == 2 ? [batch, 1] : [batch]);
        _inputs = [_input];
        _outputs = [_output];
    }

    /// <summary>Scores exactly one batch of <c>batch</c> customers; returns the first probability.</summary>
    public float Score(ReadOnlySpan<CustomerRecord> customers)
    {
        var width = ChurnFeatures.Count;
        for (var i = 0; i < _batch; i++)
        {
            ChurnFeatures.Write(customers[i], _features.AsSpan(i * width, width));
        }
        _session.Run(_runOptions, _inputNames, _inputs, _outputNames, _outputs);
        return _probabilities[0];
    }

    public void Dispose()
    {
        _input.Dispose();
        _output.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }
}
