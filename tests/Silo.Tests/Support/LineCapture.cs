using System.Text;

namespace VibeCoder.Silo.Tests.Support;

/// <summary>A <see cref="TextWriter"/> that keeps complete lines and lets a test await a line matching a condition.</summary>
public sealed class LineCapture : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _partial = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Signal)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return _lines.ToArray();
            }
        }
    }

    public Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        lock (_lock)
        {
            if (_lines.FirstOrDefault(match) is { } found)
            {
                return Task.FromResult(found);
            }

            var signal = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, signal));
            return signal.Task;
        }
    }

    public override void Write(char value)
    {
        lock (_lock)
        {
            if (value != '\n')
            {
                _partial.Append(value);
                return;
            }

            var line = _partial.ToString().TrimEnd('\r');
            _partial.Clear();
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToArray())
            {
                waiter.Signal.TrySetResult(line);
                _waiters.Remove(waiter);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }
}
