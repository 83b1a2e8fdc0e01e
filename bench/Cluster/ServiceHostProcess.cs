using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace VibeCoder.Bench.Cluster;

/// <summary>
/// One product host (a <c>Silo</c> or a <c>Gateway</c>) run as <c>dotnet &lt;dll&gt;</c> with its own environment, as
/// the container image runs it; its output goes to a log file. Disposing kills it; so does a normal exit of the bench
/// that skipped a dispose.
/// </summary>
internal sealed class ServiceHostProcess : IAsyncDisposable
{
    // Settings of the bench's own environment that a child must not inherit: the bench measures the offline content
    // generator and talks to no Telegram.
    private static readonly string[] NotInherited = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "TELEGRAM_BOT_TOKEN", "ASPNETCORE_ENVIRONMENT"];
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private static readonly TimeSpan ReadyPoll = TimeSpan.FromMilliseconds(200);

    private readonly Process _process;
    private readonly int _id;
    private readonly string _logPath;

    static ServiceHostProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Values)
            {
                TryKill(process);
            }
        };
    }

    private ServiceHostProcess(string name, Process process, Uri address, string logPath)
    {
        Name = name;
        _process = process;
        _id = process.Id;
        Address = address;
        _logPath = logPath;
    }

    public string Name { get; }

    /// <summary>The host's HTTP address (API, health).</summary>
    public Uri Address { get; }

    /// <summary>CPU time the host used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The last lines the host wrote, for failure messages.</summary>
    public string LogTail
    {
        get
        {
            try
            {
                using var reader = new StreamReader(new FileStream(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(30));
            }
            catch (IOException)
            {
                return "(no output)";
            }
        }
    }

    /// <summary>Starts <paramref name="dll"/> with <paramref name="environment"/> added, listening for HTTP on <paramref name="httpPort"/>.</summary>
    public static ServiceHostProcess Start(
        string name, string dll, IReadOnlyDictionary<string, string> environment, int httpPort, string logFolder)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in NotInherited)
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}");
        var logPath = Path.Combine(logFolder, name + ".log");
        var log = new StreamWriter(new FileStream(logPath, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        Running[process.Id] = process;
        var gate = new Lock();
        DataReceivedEventHandler write = (_, e) =>
        {
            lock (gate)
            {
                if (e.Data is not null)
                {
                    log.WriteLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += write;
        process.ErrorDataReceived += write;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceHostProcess(name, process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}")), logPath);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200.</summary>
    /// <exception cref="InvalidOperationException">The host exited first.</exception>
    /// <exception cref="TimeoutException">Not ready within <paramref name="timeout"/>.</exception>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Another process's readiness has no signal to await across the process boundary: poll its probe, as kubelet does.
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was ready:\n{LogTail}");
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

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} was not ready within {timeout}:\n{LogTail}");
            }

            await Task.Delay(ReadyPoll, cancellationToken);
        }
    }

    /// <summary>Kills the host (the bench keeps no state in it worth a graceful drain) and waits for its exit.</summary>
    public async ValueTask DisposeAsync()
    {
        TryKill(_process);
        await _process.WaitForExitAsync(CancellationToken.None);
        Running.TryRemove(_id, out _);
        _process.Dispose();
    }

    private static void TryKill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }
}
