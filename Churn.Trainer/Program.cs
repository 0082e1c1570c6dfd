using Churn.Trainer.Cli;

namespace Churn.Trainer;

internal static class Program
{
    private static async Task<int> Main(string[] args) =>
        TrainerOptions.TryParse(args, out var options, out var usageError)
            ? await TrainerCommand.RunAsync(options, Console.Out, Console.Error)
            : TrainerCommand.Usage(usageError, Console.Error);
}
