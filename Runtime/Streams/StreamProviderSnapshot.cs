namespace VibeCoder.Runtime.Streams;

/// <summary>A stream provider as <see cref="IStreamDiagnostics"/> sees it.</summary>
/// <param name="Name">The provider's name.</param>
/// <param name="IsDurable">Whether items survive a restart.</param>
/// <param name="Storage">Where items are kept (never contains a password).</param>
/// <param name="Published">Items published through this process since start.</param>
/// <param name="Delivered">Successful deliveries since start.</param>
/// <param name="FailedAttempts">Delivery attempts that threw since start.</param>
/// <param name="DeadLetters">Dead letters stored (all time, for durable providers).</param>
/// <param name="Lag">Items subscribers are behind, over all active subscriptions.</param>
/// <param name="Streams">The streams with subscriptions active in this process.</param>
public sealed record StreamProviderSnapshot(
    string Name,
    bool IsDurable,
    string Storage,
    long Published,
    long Delivered,
    long FailedAttempts,
    long DeadLetters,
    long Lag,
    IReadOnlyList<StreamSnapshot> Streams);
