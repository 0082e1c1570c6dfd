using System.Diagnostics;
using Churn.Testing;
using TempDirectory = Churn.Testing.TempDirectory;

namespace Churn.AppHost.Tests;

/// <summary>
/// The AppHost as the user runs it, as its own process (<c>dotnet Churn.AppHost.dll</c>): without the data files and
/// without a model it says so on stderr and exits non-zero before starting anything.
/// </summary>
public sealed class AppHostRefusalTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);
    private readonly TempDirectory data = new();
    private readonly TempDirectory model = new();

    [Fact]
    public async Task Without_data_files_and_model_the_apphost_says_what_is_missing_on_stderr_and_exits_with_2()
    {
        var start = new ProcessStartInfo("dotnet", [AppHostAssembly(), $"--Churn:DataDirectory={data.Path}", $"--Churn:ModelDirectory={model.Path}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(AppHostAssembly())!,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the AppHost was still running after {Deadline}; it printed: {await output} {await errors}");
        }

        Assert.Equal(2, process.ExitCode);
        var stderr = await errors;
        Assert.StartsWith("Churn cannot start: there is no model, and not the data files to train one.", stderr);
        Assert.Contains($"Missing in {data.Path} (the repository's data/ folder, or Churn:DataDirectory):", stderr);
        Assert.Contains("  - churn-bigml-80.csv (training data, 2,666 rows)", stderr);
        Assert.Contains("  - churn-bigml-20.csv (test data, 667 rows)", stderr);
        Assert.Contains($"No model in {model.Path} (model.onnx and model-card.json", stderr);
        Assert.Contains("the README's Data section", stderr);
        Assert.DoesNotContain("Distributed application starting", await output); // nothing was started
        Assert.Empty(Directory.EnumerateFileSystemEntries(model.Path)); // and nothing trained
    }

    public void Dispose()
    {
        data.Dispose();
        model.Dispose();
    }

    /// <summary>
    /// The AppHost's own build: the test runs from tests/Churn.AppHost.Tests/bin/{Configuration}/{framework}/ and the
    /// AppHost is built (a project reference) at Churn.AppHost/bin/{Configuration}/{framework}/.
    /// </summary>
    private static string AppHostAssembly()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var path = Path.Combine(RepositoryPaths.Root, "Churn.AppHost", "bin", framework.Parent!.Name, framework.Name, "Churn.AppHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"the AppHost is not built at {path}", path);
    }
}
