namespace Churn.Core.Worker;

/// <summary>
/// A batch that failed as a whole: most of its records failed the model or the store, so the fault is not theirs. It
/// is retried whole with its offsets held and is never dead-lettered.
/// </summary>
public sealed class BatchFailedException(string message) : Exception(message)
{
    /// <summary>True when <paramref name="failed"/> of <paramref name="total"/> records is too many to be the records' fault.</summary>
    public static bool IsMass(int failed, int total) => failed >= 2 && failed * 2 > total;
}
