using System.Buffers;
using Churn.Core.Serving;
using Churn.Domain.Customers;
using Churn.Domain.Features;
using Churn.Domain.Models;
using Microsoft.ML.OnnxRuntime;

namespace Churn.Core.Onnx;

/// <summary>
/// Scores customers with the Trainer's ONNX graph: one float input <c>[-1, N]</c> (N = <see cref="ChurnFeatures.Count"/>)
/// and one float probability output <c>[-1]</c> or <c>[-1, 1]</c>, names from the model card. A batch is ONE
/// <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue})"/>
/// over pooled managed buffers wrapped (not copied) as <see cref="OrtValue"/>s, unless
/// <see cref="OnnxScorerOptions.ParallelRuns"/> asks to split a large batch into concurrent Runs. Thread-safe: ORT
/// sessions allow concurrent Runs and each call rents its own buffers. When the card names a post-hoc calibrator
/// (<see cref="ModelCard.Calibration"/>), the graph's probabilities pass through it — the same
/// <see cref="ProbabilityCalibrator.Apply(float)"/> the Trainer evaluated and chose the threshold with.
/// </summary>
public sealed class OnnxChurnScorer : IChurnScorer, IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly bool _outputIsMatrix;
    private readonly RunOptions _runOptions = new();
    private readonly OnnxScorerOptions _options;
    private readonly ProbabilityCalibrator _calibrator;

    public OnnxChurnScorer(byte[] model, ModelCard card, OnnxScorerOptions? options = null)
    {
        Card = card;
        _options = options ?? new OnnxScorerOptions();
        _calibrator = card.Calibration?.Serving ?? ProbabilityCalibrator.None;
        if (_calibrator.Problem() is { } problem)
        {
            throw new ModelValidationException($"model {card.Version}: {problem}");
        }
        using var sessionOptions = CreateSessionOptions(_options);
        try
        {
            _session = new InferenceSession(model, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelValidationException($"model {card.Version}: ONNX Runtime cannot load the graph: {ex.Message}", ex);
        }
        try
        {
            _outputIsMatrix = OnnxModelSchema.Validate(_session, card);
        }
        catch
        {
            _session.Dispose();
            throw;
        }
        _inputNames = [card.Onnx.InputName];
        _outputNames = [card.Onnx.OutputName];
    }

    public ModelCard Card { get; }

    /// <summary>Loads <paramref name="modelPath"/> with the card at <paramref name="cardPath"/>.</summary>
    public static OnnxChurnScorer Load(string modelPath, ModelCard card, OnnxScorerOptions? options = null) =>
        new(File.ReadAllBytes(modelPath), card, options);

    public void Score(ReadOnlySpan<CustomerRecord> customers, Span<float> probabilities)
    {
        var rows = customers.Length;
        if (probabilities.Length < rows)
        {
            throw new ArgumentException($"need room for {rows} probabilities, got {probabilities.Length}", nameof(probabilities));
        }
        var runs = Math.Min(_options.ParallelRuns, rows / Math.Max(1, _options.MinRowsPerRun));
        if (runs <= 1)
        {
            Run(customers, probabilities[..rows]);
            return;
        }
        // Spans cannot cross into lambdas: copy the inputs once to an array, write the outputs to a rented one.
        var input = customers.ToArray();
        var output = ArrayPool<float>.Shared.Rent(rows);
        try
        {
            var chunk = (rows + runs - 1) / runs;
            Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = runs }, i =>
            {
                var start = i * chunk;
                var n = Math.Min(chunk, rows - start);
                Run(input.AsSpan(start, n), output.AsSpan(start, n));
            });
            output.AsSpan(0, rows).CopyTo(probabilities);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(output);
        }
    }

    /// <summary>One ONNX Run over <paramref name="customers"/> with pooled feature and output buffers.</summary>
    private void Run(ReadOnlySpan<CustomerRecord> customers, Span<float> probabilities)
    {
        var rows = customers.Length;
        if (rows == 0)
        {
            return;
        }
        var width = ChurnFeatures.Count;
        var features = ArrayPool<float>.Shared.Rent(rows * width);
        var output = ArrayPool<float>.Shared.Rent(rows);
        try
        {
            for (var i = 0; i < rows; i++)
            {
                ChurnFeatures.Write(customers[i], features.AsSpan(i * width, width));
            }
            long[] outputShape = _outputIsMatrix ? [rows, 1] : [rows];
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
                features.AsMemory(0, rows * width), [rows, width]);
            using var result = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
                output.AsMemory(0, rows), outputShape);
            _session.Run(_runOptions, _inputNames, [input], _outputNames, [result]);
            _calibrator.Apply(output.AsSpan(0, rows));
            output.AsSpan(0, rows).CopyTo(probabilities);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(features);
            ArrayPool<float>.Shared.Return(output);
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }

    private static SessionOptions CreateSessionOptions(OnnxScorerOptions options)
    {
        var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", options.AllowSpinning ? "1" : "0");
        return sessionOptions;
    }
}
