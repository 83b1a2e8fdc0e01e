namespace VibeCoder.Runtime;

/// <summary>Why an activation is being deactivated. Orleans: <c>DeactivationReason</c>.</summary>
public enum DeactivationReason
{
    /// <summary>The grain called <see cref="Grain.DeactivateOnIdle"/>.</summary>
    ApplicationRequested,

    /// <summary>It was idle longer than the collection age.</summary>
    IdleCollection,

    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,
}
