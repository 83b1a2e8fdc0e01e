namespace VibeCoder.Runtime.Invocation;

/// <summary>Allocates call chain ids: unique within the process, and distinct across processes by a random high half.</summary>
internal static class CallChain
{
    private static readonly long ProcessPrefix = (long)(Random.Shared.Next() & 0x7FFF_FFFF) << 32;
    private static int _next;

    public static long NewId() => ProcessPrefix | (uint)Interlocked.Increment(ref _next);
}
