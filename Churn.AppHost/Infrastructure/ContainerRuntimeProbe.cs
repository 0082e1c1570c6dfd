using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Churn.AppHost.Infrastructure;

/// <summary>
/// Asks the container runtime Aspire would use (<c>ASPIRE_CONTAINER_RUNTIME</c>, else docker then podman) for its
/// server version with a short timeout. A CLI without a running daemon fails fast, so this costs well under a second
/// on a machine without containers.
/// </summary>
public static class ContainerRuntimeProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static ContainerRuntimeStatus Probe(IConfiguration configuration)
    {
        var configured = configuration["ASPIRE_CONTAINER_RUNTIME"] ?? configuration["DcpPublisher:ContainerRuntime"];
        string[] runtimes = string.IsNullOrWhiteSpace(configured) ? ["docker", "podman"] : [configured.Trim().ToLowerInvariant()];

        var attempts = new List<string>();
        foreach (var runtime in runtimes)
        {
            var status = Ask(runtime);
            if (status.IsAvailable)
            {
                return status;
            }

            attempts.Add(status.Description);
        }

        return new ContainerRuntimeStatus(false, string.Join("; ", attempts));
    }

    private static ContainerRuntimeStatus Ask(string runtime)
    {
        var versionTemplate = runtime == "podman" ? "{{.Version.Version}}" : "{{.ServerVersion}}";
        var start = new ProcessStartInfo(runtime, ["info", "--format", versionTemplate])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return new ContainerRuntimeStatus(false, $"'{runtime} info' did not answer within {Timeout.TotalSeconds:0} s");
            }

            process.WaitForExit();
            return process.ExitCode == 0
                ? new ContainerRuntimeStatus(true, $"'{runtime} info' answered (server {output.Result.Trim()})")
                : new ContainerRuntimeStatus(false, $"'{runtime} info' failed: {FirstLine(error.Result)}");
        }
        catch (Win32Exception)
        {
            return new ContainerRuntimeStatus(false, $"{runtime} is not installed");
        }
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
        ?? "no error output";
}
