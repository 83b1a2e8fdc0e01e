using System.Globalization;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Persistence;

/// <summary>
/// The ETag of a stored grain state is its row's version number in invariant decimal. The first write stores
/// version 1, every write or clear adds one, and a clear keeps the row as a tombstone so versions never repeat.
/// </summary>
internal static class StateVersion
{
    /// <summary>Stands for a tag that can match no row (not a number, or not positive).</summary>
    public const long Unmatchable = -1;

    /// <summary>The version a non-null tag names, or <see cref="Unmatchable"/>.</summary>
    public static long Parse(string eTag) =>
        long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : Unmatchable;

    public static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The exception for a write or clear whose tag was not the stored one.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="stateName">The state's name.</param>
    /// <param name="presentedETag">The tag the caller presented.</param>
    /// <param name="storedVersion">The version found afterwards, or null when no row exists.</param>
    public static InconsistentStateException Conflict(GrainId grainId, string stateName, string? presentedETag, long? storedVersion)
    {
        var storedETag = storedVersion is { } version ? Format(version) : null;
        return new InconsistentStateException(
            $"Version conflict on state '{stateName}' of grain {grainId}: the stored ETag is '{storedETag ?? "none"}', " +
            $"the operation presented '{presentedETag ?? "none"}'. Nothing was written.",
            storedETag,
            presentedETag);
    }
}
