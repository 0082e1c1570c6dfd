namespace Churn.Trainer.Evaluation;

/// <summary>
/// Assigns each row to one of k folds so every fold keeps the churn share of the whole file (ML.NET's CrossValidate
/// groups by a sampling key but does not stratify by label). Deterministic for a seed.
/// </summary>
public static class StratifiedFolds
{
    public static int[] Assign(IReadOnlyList<bool> labels, int folds, int seed)
    {
        var random = new Random(seed);
        var assignment = new int[labels.Count];
        foreach (var label in new[] { true, false })
        {
            var indices = Enumerable.Range(0, labels.Count).Where(i => labels[i] == label).ToArray();
            random.Shuffle(indices);
            for (var position = 0; position < indices.Length; position++)
            {
                assignment[indices[position]] = position % folds;
            }
        }
        return assignment;
    }
}
