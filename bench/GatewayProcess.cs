using System.Diagnostics;
using System.Net;
using VibeCoder.TestServers.Net;

namespace VibeCoder.Bench;

/// <summary>The real gateway as a child process (built alongside the bench) on a free loopback port, stopped when disposed.</summary>
internal sealed class GatewayProcess(Process process, Uri address) : IAsyncDisposable
{
    public Uri Address { get; } = address;

    /// <summary>The process's working set now, in bytes.</summary>
    public long WorkingSetBytes
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    /// <summary>Starts the gateway in <paramref name="folder"/> with <paramref name="environment"/> and waits until it is ready.</summary>
    public static async Task<GatewayProcess> StartAsync(string folder, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var gateway = Start(LoopbackPorts.Next(), folder, environment);
        try
        {
            await gateway.WaitUntilReadyAsync(ct);
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    private static GatewayProcess Start(int port, string folder, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = new DirectoryInfo(Path.Combine(AppContext.BaseDirectory, "..")).Name;
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Gateway", "bin", configuration, "net10.0", "VibeCoder.Gateway.dll"));
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the gateway first (dotnet build -c Release Gateway).", dll);
        }

        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The silo's own ports default to 11111/30000: free ones, so a running gateway or a parallel run does not collide.
        foreach (var (key, value) in LoopbackPorts.OrleansSettings().Concat(environment))
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("gateway: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new GatewayProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        // Polling another process's readiness probe: there is no signal to await across the boundary.
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with {process.ExitCode}.");
            }

            try
            {
                if ((await http.GetAsync("/health/ready", ct)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException("The gateway did not become ready within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        process.Dispose();
    }
}
