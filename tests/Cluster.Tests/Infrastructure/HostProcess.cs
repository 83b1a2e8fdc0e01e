using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace VibeCoder.Cluster.Tests.Infrastructure;

/// <summary>
/// One host of the cluster (a Silo or a Gateway) run as <c>dotnet &lt;dll&gt;</c> with its own environment, exactly as
/// the container image runs it. It can be killed (SIGKILL, as a node failure), stopped gracefully (SIGTERM, as
/// Kubernetes stops a pod) and started again with the same settings. Its output goes to a log file for diagnosis.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyPoll = TimeSpan.FromMilliseconds(200);

    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _logPath;
    private Process? _process;
    private int _generation;

    public HostProcess(string name, string dll, IReadOnlyDictionary<string, string> environment, int httpPort, string logFolder)
    {
        Name = name;
        _dll = dll;
        _environment = environment;
        Address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}"));
        _logPath = Path.Combine(logFolder, name + ".log");
    }

    public string Name { get; }

    /// <summary>The host's HTTP address (API, webhook, health).</summary>
    public Uri Address { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last lines the host wrote, for failure messages.</summary>
    public string LogTail => File.Exists(_logPath) ? string.Join('\n', ReadShared(_logPath).TakeLast(40)) : "(no output)";

    /// <summary>Starts the process (the previous one must have exited).</summary>
    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is running already.");
        }

        _process?.Dispose();
        var start = new ProcessStartInfo("dotnet", [_dll])
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var generation = Interlocked.Increment(ref _generation);
        var log = new StreamWriter(new FileStream(_logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        log.WriteLine($"--- start {generation} at {DateTimeOffset.UtcNow:O}");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Name}.");
        var gate = new Lock();
        DataReceivedEventHandler write = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (gate)
                {
                    log.WriteLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += write;
        process.ErrorDataReceived += write;
        process.Exited += (_, _) => process.WaitForExitAsync().ContinueWith(_ => { lock (gate) { log.Dispose(); } }, TaskScheduler.Default);
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        // Another process's readiness has no signal to await across the process boundary: poll its probe, as kubelet does.
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process?.ExitCode} before it was ready:\n{LogTail}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} was not ready within {timeout}:\n{LogTail}");
            }

            await Task.Delay(ReadyPoll, cancellationToken);
        }
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, like a node that loses power.</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} was never started.");
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGTERM, then waits for the exit: Kubernetes' way of stopping a pod.</summary>
    /// <returns>The time the host took to exit and its exit code.</returns>
    public async Task<(TimeSpan Took, int ExitCode)> StopAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} was never started.");
        var took = Stopwatch.StartNew();
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill();
            throw new TimeoutException($"{Name} did not exit within {timeout} of SIGTERM:\n{LogTail}");
        }

        return (took.Elapsed, process.ExitCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        _process?.Dispose();
    }

    private static IEnumerable<string> ReadShared(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
