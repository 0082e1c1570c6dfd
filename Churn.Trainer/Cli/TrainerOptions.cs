using Churn.Trainer.Candidates;

namespace Churn.Trainer.Cli;

/// <summary>
/// Command line of the Trainer: <c>--train &lt;csv&gt; --test &lt;csv&gt; --out &lt;dir&gt; [--seed N] [--candidates a,b]
/// [--if-missing] [--cv-only]</c>.
/// </summary>
public sealed record TrainerOptions
{
    public const int DefaultSeed = 1;

    public string TrainPath { get; init; } = Path.Combine("data", "churn-bigml-80.csv");
    public string TestPath { get; init; } = Path.Combine("data", "churn-bigml-20.csv");
    public string OutputDirectory { get; init; } = Path.Combine("artifacts", "model");
    public int Seed { get; init; } = DefaultSeed;
    /// <summary>Exit at once when the output directory already holds a model (the AppHost's one-shot resource).</summary>
    public bool OnlyIfMissing { get; init; }
    /// <summary>
    /// Stop after the decisions made on the training file (leaderboard, winner, calibrator, threshold): the test file is
    /// not read and nothing is written. For developing candidates, features and rules without looking at the test file.
    /// </summary>
    public bool CrossValidationOnly { get; init; }
    /// <summary>
    /// Only these candidates of the catalog compete (null: all of them), e.g. to train a challenger of another algorithm
    /// into the challenger slot. The rules are unchanged; the leaderboard lists the ones that ran.
    /// </summary>
    public IReadOnlyList<string>? Candidates { get; init; }

    public static bool TryParse(IReadOnlyList<string> args, out TrainerOptions options, out string? error)
    {
        options = new TrainerOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--if-missing")
            {
                options = options with { OnlyIfMissing = true };
                continue;
            }
            if (name == "--cv-only")
            {
                options = options with { CrossValidationOnly = true };
                continue;
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"Option '{name}' needs a value.";
                return false;
            }
            var value = args[++i];
            switch (name)
            {
                case "--train": options = options with { TrainPath = value }; break;
                case "--test": options = options with { TestPath = value }; break;
                case "--out": options = options with { OutputDirectory = value }; break;
                case "--seed" when int.TryParse(value, out var seed): options = options with { Seed = seed }; break;
                case "--seed": error = $"--seed must be an integer, not '{value}'."; return false;
                case "--candidates":
                    var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var known = CandidateCatalog.All(DefaultSeed).Select(c => c.Name).ToList();
                    var unknown = names.Length == 0 ? value : names.FirstOrDefault(n => !known.Contains(n));
                    if (unknown is not null)
                    {
                        error = $"--candidates takes names of the catalog separated by commas; '{unknown}' is none of {string.Join(", ", known)}.";
                        return false;
                    }
                    options = options with { Candidates = [.. names.Distinct()] };
                    break;
                default: error = $"Unknown option '{name}'."; return false;
            }
        }
        return true;
    }
}
