using VibeCoder.Runtime.Activation;
using VibeCoder.Runtime.Reminders;
using VibeCoder.Runtime.Timers;

namespace VibeCoder.Runtime;

/// <summary>
/// Base class of grain implementations. A grain class implements one or more grain interfaces, takes its
/// services and <see cref="Storage.IPersistentState{T}"/> states through its constructor, and runs one request at
/// a time unless its methods or class say otherwise. Orleans: <c>Grain</c>.
/// </summary>
public abstract class Grain : IAddressable
{
    [ThreadStatic]
    private static ActivationData? _constructing;

    private readonly ActivationData _activation;

    /// <summary>Binds the new grain object to the activation being created.</summary>
    /// <exception cref="InvalidOperationException">The grain was created with <c>new</c> instead of by the runtime.</exception>
    protected Grain()
    {
        _activation = _constructing
            ?? throw new InvalidOperationException(
                $"{GetType().Name} is created by the runtime on first call; get a reference with IGrainFactory.GetGrain.");
    }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => _activation.GrainId;

    /// <summary>The factory for references to other grains (and to this one).</summary>
    protected IGrainFactory GrainFactory => _activation.Runtime.Factory;

    /// <summary>The silo's services.</summary>
    protected IServiceProvider ServiceProvider => _activation.Runtime.Services;

    internal ActivationData Activation => _activation;

    /// <summary>The key of a grain with a string key.</summary>
    public string GetPrimaryKeyString() => GrainId.Key;

    /// <summary>The key of a grain with a Guid key.</summary>
    public Guid GetPrimaryKey() => GrainId.GetGuidKey();

    /// <summary>The key of a grain with an integer key.</summary>
    public long GetPrimaryKeyLong() => GrainId.GetIntegerKey();

    /// <summary>Runs after construction and after persistent state was read, before the first request.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before the activation is removed (idle collection, <see cref="DeactivateOnIdle"/>, shutdown).</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Deactivates this activation once the current request completes; the next call activates anew.</summary>
    protected void DeactivateOnIdle() => _activation.RequestDeactivation(DeactivationReason.ApplicationRequested);

    /// <summary>Keeps this activation from idle collection for at least <paramref name="period"/>.</summary>
    protected void DelayDeactivation(TimeSpan period) => _activation.DelayDeactivation(period);

    /// <summary>
    /// Starts an in-memory timer whose callback runs as a turn of this activation: never overlapping a request
    /// or itself. The next tick is due <paramref name="period"/> after the previous callback finished. The timer
    /// ends with the activation or when disposed. Orleans: <c>RegisterGrainTimer</c>.
    /// </summary>
    /// <param name="callback">The work to do on each tick.</param>
    /// <param name="dueTime">The delay before the first tick.</param>
    /// <param name="period">The delay between ticks; <see cref="Timeout.InfiniteTimeSpan"/> for a single tick.</param>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return GrainTimer.Start(_activation, callback, dueTime, period);
    }

    /// <summary>
    /// Registers or updates a durable reminder: it survives deactivation and silo restarts, and wakes the grain
    /// through <see cref="IRemindable.ReceiveReminder"/>. The grain class must implement <see cref="IRemindable"/>.
    /// Orleans: <c>RegisterOrUpdateReminder</c>.
    /// </summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (this is not IRemindable)
        {
            throw new InvalidOperationException($"{GetType().Name} must implement IRemindable to register reminders.");
        }

        return _activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period, CancellationToken.None);
    }

    /// <summary>Removes a reminder registered by this grain.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder) =>
        _activation.Runtime.Reminders.UnregisterAsync(GrainId, reminder, CancellationToken.None);

    /// <summary>The reminder with the given name, or null.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) =>
        _activation.Runtime.Reminders.GetAsync(GrainId, reminderName, CancellationToken.None);

    /// <summary>All reminders of this grain.</summary>
    protected Task<IReadOnlyList<IGrainReminder>> GetReminders() =>
        _activation.Runtime.Reminders.GetAllAsync(GrainId, CancellationToken.None);

    internal static object Construct(ActivationData activation, Microsoft.Extensions.DependencyInjection.ObjectFactory factory, IServiceProvider services, object[] arguments)
    {
        var previous = _constructing;
        _constructing = activation;
        try
        {
            return factory(services, arguments);
        }
        finally
        {
            _constructing = previous;
        }
    }
}
