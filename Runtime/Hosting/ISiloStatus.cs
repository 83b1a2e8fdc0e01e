namespace VibeCoder.Runtime.Hosting;

/// <summary>Whether the silo in this process is serving calls.</summary>
public interface ISiloStatus
{
    /// <summary>True once start-up completed and until shutdown begins.</summary>
    bool IsActive { get; }

    /// <summary>Completes when the silo has started (faults if start-up failed).</summary>
    Task Started { get; }
}
