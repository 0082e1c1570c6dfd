namespace Churn.Domain.Models;

public sealed record OnnxSignature(string InputName, string OutputName, int FeatureCount);
