namespace VibeCoder.Runtime.Streams;

/// <summary>How subscribers are named in checkpoints and dead letters.</summary>
internal static class SubscriberNames
{
    private const string ImplicitPrefix = "implicit:";

    /// <summary>An explicit subscription: its handle id.</summary>
    public static string Explicit(Guid handleId) => handleId.ToString("N");

    /// <summary>An implicit subscription: the grain type name (one checkpoint per stream and grain class).</summary>
    public static string Implicit(string grainType) => ImplicitPrefix + grainType;

    public static bool IsImplicit(string subscriber) => subscriber.StartsWith(ImplicitPrefix, StringComparison.Ordinal);
}
