using Churn.Domain.Models;

namespace Churn.Trainer.Calibration;

/// <summary>
/// Fits isotonic regression of the outcome on the probability by pool-adjacent-violators: the non-decreasing step
/// function closest to the outcomes in squared error. Each pooled block becomes the knots (lowest input, value) and
/// (highest input, value), interpolated linearly in between as scikit-learn's IsotonicRegression does; knots inside a
/// flat run are dropped.
/// </summary>
public static class IsotonicFit
{
    public static IsotonicParameters Fit(IReadOnlyList<bool> labels, IReadOnlyList<float> probabilities)
    {
        // Equal probabilities form one starting block: the map is a function of the probability.
        var blocks = new List<Block>();
        foreach (var group in Enumerable.Range(0, probabilities.Count)
                     .GroupBy(i => probabilities[i]).OrderBy(g => g.Key))
        {
            var block = new Block(group.Key, group.Key, group.Count(i => labels[i]), group.Count());
            blocks.Add(block);
            while (blocks.Count > 1 && blocks[^2].Value >= blocks[^1].Value)
            {
                var (left, right) = (blocks[^2], blocks[^1]);
                blocks.RemoveRange(blocks.Count - 2, 2);
                blocks.Add(new Block(left.Low, right.High, left.Positives + right.Positives, left.Rows + right.Rows));
            }
        }
        var inputs = new List<double>();
        var outputs = new List<double>();
        foreach (var block in blocks)
        {
            Add(inputs, outputs, block.Low, block.Value);
            if (block.High > block.Low)
            {
                Add(inputs, outputs, block.High, block.Value);
            }
        }
        return new IsotonicParameters(inputs, outputs);
    }

    /// <summary>Appends a knot, first dropping the previous one when it is the middle of three equal outputs.</summary>
    private static void Add(List<double> inputs, List<double> outputs, double input, double output)
    {
        if (outputs.Count >= 2 && outputs[^1] == output && outputs[^2] == output)
        {
            inputs[^1] = input;
            return;
        }
        inputs.Add(input);
        outputs.Add(output);
    }

    private sealed record Block(float Low, float High, int Positives, int Rows)
    {
        public double Value => (double)Positives / Rows;
    }
}
