namespace VibeCoder.TestServers.Telegram;

/// <summary>The calls the stand-in received, in arrival order of their answers, with a signal for waiters.</summary>
internal sealed class BotApiCallLog
{
    private readonly Lock _lock = new();
    private readonly List<BotApiCall> _calls = [];
    private readonly AsyncSignal _changed = new();

    public IReadOnlyList<BotApiCall> Snapshot()
    {
        lock (_lock)
        {
            return [.. _calls];
        }
    }

    public void Add(BotApiCall call)
    {
        lock (_lock)
        {
            _calls.Add(call);
        }

        _changed.Pulse();
    }

    public void Clear()
    {
        lock (_lock)
        {
            _calls.Clear();
        }

        _changed.Pulse();
    }

    public async Task<IReadOnlyList<BotApiCall>> WaitAsync(
        Func<IReadOnlyList<BotApiCall>, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            // Take the signal before looking, so a call recorded in between still wakes this waiter.
            var changed = _changed.Current;
            var calls = Snapshot();
            if (predicate(calls))
            {
                return calls;
            }

            try
            {
                await changed.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var seen = string.Join(", ", Snapshot().Select(call => $"{call.Method}→{call.StatusCode}"));
                throw new TimeoutException($"The Bot API stand-in did not see the expected calls within {timeout}. Calls: [{seen}]");
            }
        }
    }
}
