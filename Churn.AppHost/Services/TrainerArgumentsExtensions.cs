namespace Churn.AppHost.Services;

public static class TrainerArgumentsExtensions
{
    public const string TrainingFile = "churn-bigml-80.csv";
    public const string TestFile = "churn-bigml-20.csv";

    /// <summary>
    /// The Trainer's command line with absolute paths (a project resource runs in its own project directory):
    /// trains on the repository's data files and writes into the shared model directory.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTrainerArguments(
        this IResourceBuilder<ProjectResource> trainer, SharedDirectories directories, bool onlyIfMissing) =>
        trainer.WithArgs(context =>
        {
            context.Args.Add("--train");
            context.Args.Add(Path.Combine(directories.Data, TrainingFile));
            context.Args.Add("--test");
            context.Args.Add(Path.Combine(directories.Data, TestFile));
            context.Args.Add("--out");
            context.Args.Add(directories.Model);
            if (onlyIfMissing)
            {
                context.Args.Add("--if-missing");
            }
        });
}
