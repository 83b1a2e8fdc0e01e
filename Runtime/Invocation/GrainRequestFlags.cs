namespace VibeCoder.Runtime.Invocation;

/// <summary>How a request may interleave with others in its activation.</summary>
[Flags]
public enum GrainRequestFlags
{
    /// <summary>An ordinary request: runs alone unless the grain is reentrant or the call chain re-enters.</summary>
    None = 0,

    /// <summary>The method is <see cref="ReadOnlyAttribute">[ReadOnly]</see>: interleaves with other read-only requests.</summary>
    ReadOnly = 1,

    /// <summary>The method is <see cref="AlwaysInterleaveAttribute">[AlwaysInterleave]</see>.</summary>
    AlwaysInterleave = 2,
}
