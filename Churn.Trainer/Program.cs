using Churn.Trainer;
using Churn.Trainer.Cli;

return TrainerOptions.TryParse(args, out var options, out var usageError)
    ? await TrainerCommand.RunAsync(options, Console.Out, Console.Error)
    : TrainerCommand.Usage(usageError, Console.Error);
