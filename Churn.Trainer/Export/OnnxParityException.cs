namespace Churn.Trainer.Export;

/// <summary>The exported ONNX model does not reproduce ML.NET's probabilities; the model is not written.</summary>
public sealed class OnnxParityException(string message) : Exception(message);
