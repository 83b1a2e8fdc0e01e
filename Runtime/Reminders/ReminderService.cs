using Microsoft.Extensions.Logging;
using VibeCoder.Runtime.Invocation;

namespace VibeCoder.Runtime.Reminders;

/// <summary>
/// Keeps durable reminders firing: rows live in the <see cref="IReminderTable"/>, and this service holds one
/// in-memory timer per row. A tick activates the grain if needed and runs as a non-interleaving turn.
/// </summary>
/// <remarks>
/// After a restart the service reads every row and arms its timer. A reminder whose tick fell due while no silo
/// was running fires once right after start (so a workflow resumes without waiting a whole period), then keeps
/// its period aligned to the registered start. Orleans skips such missed ticks; we chose to deliver them because
/// our reminders guard workflow steps.
/// </remarks>
internal sealed partial class ReminderService(IReminderTable table, GrainRuntime runtime, TimeProvider timeProvider, ILogger<ReminderService> logger)
    : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider = timeProvider;
    private readonly ILogger _logger = logger;
    private readonly Dictionary<(GrainId, string), LocalReminder> _local = [];
    private bool _stopped;

    public IReminderTable Table => table;

    /// <summary>How many reminders this silo is keeping armed.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _local.Count;
            }
        }
    }

    /// <summary>The reminders currently armed, for diagnostics.</summary>
    public IReadOnlyList<ReminderEntry> Snapshot()
    {
        lock (_lock)
        {
            return _local.Values.Select(r => r.Entry).ToArray();
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await table.InitializeAsync(cancellationToken);
        foreach (var entry in await table.ReadAllAsync(cancellationToken))
        {
            Arm(entry);
        }

        Log.RemindersLoaded(_logger, Count);
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A reminder's period must be positive.");
        }

        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A reminder's due time must not be negative.");
        }

        var entry = new ReminderEntry(grainId, name, _timeProvider.GetUtcNow() + dueTime, period, null);
        var eTag = await table.UpsertRowAsync(entry, cancellationToken);
        entry = entry with { ETag = eTag };
        Arm(entry);
        return new GrainReminder(name, eTag);
    }

    public async Task UnregisterAsync(GrainId grainId, IGrainReminder reminder, CancellationToken cancellationToken)
    {
        var eTag = reminder is GrainReminder known ? known.ETag : null;
        if (eTag is null)
        {
            var row = await table.ReadRowAsync(grainId, reminder.ReminderName, cancellationToken);
            eTag = row?.ETag;
        }

        if (eTag is not null)
        {
            await table.RemoveRowAsync(grainId, reminder.ReminderName, eTag, cancellationToken);
        }

        Disarm(grainId, reminder.ReminderName);
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        var row = await table.ReadRowAsync(grainId, name, cancellationToken);
        return row is null ? null : new GrainReminder(row.Name, row.ETag!);
    }

    public async Task<IReadOnlyList<IGrainReminder>> GetAllAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        var rows = await table.ReadRowsAsync(grainId, cancellationToken);
        return rows.Select(r => (IGrainReminder)new GrainReminder(r.Name, r.ETag!)).ToArray();
    }

    public ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _stopped = true;
            foreach (var reminder in _local.Values)
            {
                reminder.Dispose();
            }

            _local.Clear();
        }

        return ValueTask.CompletedTask;
    }

    private void Arm(ReminderEntry entry)
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            if (_local.Remove((entry.GrainId, entry.Name), out var previous))
            {
                previous.Dispose();
            }

            var local = new LocalReminder(this, entry);
            _local[(entry.GrainId, entry.Name)] = local;
            local.ArmNext(_timeProvider.GetUtcNow(), firstArm: true);
        }
    }

    private void Disarm(GrainId grainId, string name)
    {
        lock (_lock)
        {
            if (_local.Remove((grainId, name), out var local))
            {
                local.Dispose();
            }
        }
    }

    private void Fire(LocalReminder local, DateTimeOffset dueAt)
    {
        var tick = new ReminderTick(local.Entry.Name, new TickStatus(local.Entry.StartAt, local.Entry.Period, dueAt))
        {
            TargetId = local.Entry.GrainId,
            DeadlineMs = Environment.TickCount64 + (long)runtime.Options.CallTimeout.TotalMilliseconds,
        };
        var task = tick.TypedTask;
        runtime.Route(tick);

        // Arm the next tick only after this one ran, so ticks of one reminder never pile up behind a slow grain.
        task.ContinueWith(
            (completed, state) =>
            {
                var (service, reminder) = ((ReminderService, LocalReminder))state!;
                if (completed.Exception is { } error)
                {
                    Log.ReminderTickFailed(service._logger, reminder.Entry.GrainId, reminder.Entry.Name, error.InnerException ?? error);
                }

                lock (service._lock)
                {
                    if (!service._stopped && service._local.TryGetValue((reminder.Entry.GrainId, reminder.Entry.Name), out var current)
                        && ReferenceEquals(current, reminder))
                    {
                        reminder.ArmNext(service._timeProvider.GetUtcNow(), firstArm: false);
                    }
                }
            },
            (this, local),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private sealed class LocalReminder(ReminderService service, ReminderEntry entry) : IDisposable
    {
        private readonly ReminderService _service = service;
        private ITimer? _timer;
        private DateTimeOffset _lastDue = DateTimeOffset.MinValue;

        public ReminderEntry Entry { get; } = entry;

        public void ArmNext(DateTimeOffset now, bool firstArm)
        {
            DateTimeOffset due;
            if (Entry.StartAt >= now)
            {
                due = Entry.StartAt;
            }
            else if (firstArm)
            {
                due = now; // missed while no silo ran: deliver once now
            }
            else
            {
                var periods = Math.Floor((now - Entry.StartAt) / Entry.Period) + 1;
                due = Entry.StartAt + (Entry.Period * periods);
                if (due <= _lastDue)
                {
                    due = _lastDue + Entry.Period;
                }
            }

            _lastDue = due;
            _timer?.Dispose();
            var delay = due - now;
            _timer = _service._timeProvider.CreateTimer(
                static state =>
                {
                    var (self, dueAt) = ((LocalReminder, DateTimeOffset))state!;
                    self._service.Fire(self, dueAt);
                },
                (this, due),
                delay < TimeSpan.Zero ? TimeSpan.Zero : delay,
                Timeout.InfiniteTimeSpan);
        }

        public void Dispose() => _timer?.Dispose();
    }

    private sealed class ReminderTick(string name, TickStatus status) : SystemRequest("reminder:" + name)
    {
        protected override ValueTask<object?> InvokeCore(object grain) =>
            grain is IRemindable remindable
                ? Await(remindable.ReceiveReminder(name, status))
                : throw new InvalidOperationException($"Grain {grain.GetType().Name} has reminder '{name}' but does not implement IRemindable.");

        private static async ValueTask<object?> Await(Task task)
        {
            await task.ConfigureAwait(false);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Reminder service armed {Count} reminders")]
        public static partial void RemindersLoaded(ILogger logger, int count);

        [LoggerMessage(2, LogLevel.Warning, "Reminder {ReminderName} of grain {GrainId} failed")]
        public static partial void ReminderTickFailed(ILogger logger, GrainId grainId, string reminderName, Exception exception);
    }
}
