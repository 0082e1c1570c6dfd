namespace Churn.Core.Serving;

/// <summary>A model file or its card cannot serve: wrong input/output schema, unreadable, or it scores nonsense.</summary>
public sealed class ModelValidationException(string message, Exception? inner = null) : Exception(message, inner);
