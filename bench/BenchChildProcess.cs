using System.Diagnostics;
using System.Reflection;
using System.Threading.Channels;

namespace VibeCoder.Bench;

/// <summary>
/// This benchmark executable run again as a child process in another role (e.g. one silo of <c>grain-calls</c>), so
/// that two configurations never share process-wide state (meter and activity listeners, thread pool, GC). The child
/// answers on stdout with lines starting <see cref="Prefix"/>; everything else it prints is passed on to stderr.
/// </summary>
internal sealed class BenchChildProcess : IAsyncDisposable
{
    /// <summary>Marks a protocol line on the child's stdout.</summary>
    public const string Prefix = "@bench ";

    private readonly Process _process;
    private readonly Channel<string> _answers = Channel.CreateUnbounded<string>();

    private BenchChildProcess(Process process, string name)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _answers.Writer.TryComplete();
            }
            else if (e.Data.StartsWith(Prefix, StringComparison.Ordinal))
            {
                _answers.Writer.TryWrite(e.Data[Prefix.Length..]);
            }
            else
            {
                Console.Error.WriteLine($"{name}: {e.Data}");
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"{name}: {e.Data}");
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts <c>VibeCoder.Bench &lt;role&gt; &lt;arguments&gt;</c> with <paramref name="environment"/> added.</summary>
    public static BenchChildProcess Start(string role, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var entry = Assembly.GetEntryAssembly()!.Location;
        var start = new ProcessStartInfo("dotnet", [entry, role, .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new BenchChildProcess(Process.Start(start)!, role);
    }

    /// <summary>Sends one command line to the child.</summary>
    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>The child's next protocol line.</summary>
    /// <exception cref="InvalidOperationException">The child exited first.</exception>
    public async Task<string> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await _answers.Reader.ReadAsync(deadline.Token);
        }
        catch (ChannelClosedException)
        {
            await _process.WaitForExitAsync(cancellationToken);
            throw new InvalidOperationException($"The child process exited with {_process.ExitCode} before answering.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }
}
