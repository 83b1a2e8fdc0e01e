namespace VibeCoder.Runtime;

/// <summary>
/// On a grain class: requests may interleave freely (any request can start while others await).
/// Orleans: <c>[Reentrant]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;

/// <summary>
/// On a grain interface method: the method does not change state, so calls to read-only methods interleave
/// with each other (never with other methods). Orleans: <c>[ReadOnly]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;

/// <summary>
/// On a grain interface method: calls to it interleave with any other request, always. Orleans:
/// <c>[AlwaysInterleave]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;

/// <summary>
/// On a grain class: the grain type name used in <see cref="GrainId"/> (and so in storage keys). Defaults to the
/// class name without a trailing "Grain", lower-cased ("CarouselJobGrain" → "carouseljob"). Orleans:
/// <c>[GrainType]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The grain type name.</summary>
    public string Name { get; } = name;
}
