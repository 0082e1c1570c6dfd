using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Churn.Testing;

namespace Churn.Distributed.Tests;

/// <summary>
/// One Churn service as an operating-system process: its own build (<c>dotnet Churn.Scoring.dll</c>), configured through
/// environment variables, listening on a free loopback port, its log lines kept for assertions. <see cref="Kill"/> is a
/// crash (SIGKILL: nothing is closed or committed); <see cref="StopAsync"/> is a clean stop (SIGTERM: the host stops,
/// the Kafka consumer closes and commits).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ServiceProcess(string service, IReadOnlyDictionary<string, string?> settings)
    {
        Name = service;
        Url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [Assembly(service)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Assembly(service))!,
        };
        foreach (var (key, value) in Defaults(Url).Concat(settings))
        {
            start.Environment[key.Replace(":", "__")] = value;
        }
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is { } line) _lines.Enqueue(line); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) _lines.Enqueue(line); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Churn.Ingest, Churn.Scoring or Churn.Api.</summary>
    public string Name { get; }

    public string Url { get; }

    public IReadOnlyCollection<string> Lines => _lines;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ServiceProcess Start(string service, IReadOnlyDictionary<string, string?> settings) => new(service, settings);

    /// <summary>Starts the service and waits until its readiness endpoint answers 200.</summary>
    public static async Task<ServiceProcess> StartReadyAsync(string service, IReadOnlyDictionary<string, string?> settings,
        TimeSpan? timeout = null)
    {
        var process = Start(service, settings);
        using var http = new HttpClient { BaseAddress = new Uri(process.Url), Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.UntilAsync(async () => !process.HasExited && await AnswersAsync(http, "/health"), ready => ready,
            timeout ?? TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(200), $"{service} ready at {process.Url}/health\n{process.Tail()}");
        return process;
    }

    /// <summary>Waits until the process exits by itself (a one-shot job) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{Name} did not exit within {timeout}\n{Tail()}");
        }
        return _process.ExitCode;
    }

    /// <summary>A crash: SIGKILL. The process gets no chance to close its consumer or commit anything.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>A clean stop: SIGTERM, then waits for the host to shut down.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            SendTerminate(_process.Id);
        }
        return await WaitForExitAsync(timeout);
    }

    /// <summary>The last log lines, for failure messages.</summary>
    public string Tail(int count = 40) => $"--- last lines of {Name} ---\n" + string.Join('\n', _lines.TakeLast(count));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static IEnumerable<KeyValuePair<string, string?>> Defaults(string url) =>
    [
        new("ASPNETCORE_URLS", url),
        new("ASPNETCORE_ENVIRONMENT", "Production"),
        new("DOTNET_ENVIRONMENT", "Production"),
        new("Logging:Console:FormatterName", "simple"),
        new("Logging:Console:FormatterOptions:SingleLine", "true"),
        new("Logging:LogLevel:Default", "Information"),
        new("Logging:LogLevel:Microsoft.AspNetCore", "Warning"),
        new("OTEL_EXPORTER_OTLP_ENDPOINT", ""),
    ];

    private static string Assembly(string service)
    {
        // The test runs from tests/Churn.Distributed.Tests/bin/{Configuration}/{framework}/: the services' builds sit at
        // {service}/bin/{Configuration}/{framework}/{service}.dll.
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = framework.Parent!.Name;
        var path = Path.Combine(RepositoryPaths.Root, service, "bin", configuration, framework.Name, $"{service}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{service} is not built at {path}", path);
    }

    private static async Task<bool> AnswersAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static void SendTerminate(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {pid} failed with exit code {kill.ExitCode}");
        }
    }
}
