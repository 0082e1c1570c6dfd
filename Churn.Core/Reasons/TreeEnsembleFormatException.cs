namespace Churn.Core.Reasons;

/// <summary>A model whose tree ensemble the explainer cannot read or attribute exactly; the message says why.</summary>
public sealed class TreeEnsembleFormatException(string message) : Exception(message);
