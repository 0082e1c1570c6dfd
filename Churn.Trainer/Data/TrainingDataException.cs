namespace Churn.Trainer.Data;

/// <summary>The data cannot be trained on; the message says why in terms the user can act on.</summary>
public sealed class TrainingDataException(string message) : Exception(message);
