namespace VibeCoder.Runtime.Diagnostics;

/// <summary>Registers an <see cref="IGrainCallObserver"/> with the runtime (kept internal: the hook is the runtime's own).</summary>
internal interface IGrainCallObserverRegistration
{
    IGrainCallObserver Observer { get; }
}
