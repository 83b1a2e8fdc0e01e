using System.Collections.Immutable;

namespace VibeCoder.Runtime;

/// <summary>
/// Ambient key/value pairs that travel with grain calls: set a value before a call and the callee (and every
/// call it makes) sees it. Used for correlation ids and tracing. Orleans: <c>RequestContext</c>.
/// </summary>
/// <remarks>
/// Values flow with the async control flow (an <see cref="AsyncLocal{T}"/>) inside a process and are copied
/// into each request, so they cross process boundaries too. Keep them few and small: they are sent with every call.
/// </remarks>
public static class RequestContext
{
    private static readonly AsyncLocal<ImmutableDictionary<string, string>?> Current = new();

    /// <summary>The value stored under <paramref name="key"/>, or null.</summary>
    public static string? Get(string key) =>
        Current.Value is { } values && values.TryGetValue(key, out var value) ? value : null;

    /// <summary>Stores a value for the current flow and the calls it makes.</summary>
    public static void Set(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Current.Value = (Current.Value ?? ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal))
            .SetItem(key, value);
    }

    /// <summary>Removes a value from the current flow.</summary>
    public static void Remove(string key)
    {
        if (Current.Value is { } values)
        {
            var next = values.Remove(key);
            Current.Value = next.IsEmpty ? null : next;
        }
    }

    /// <summary>Removes every value from the current flow.</summary>
    public static void Clear() => Current.Value = null;

    /// <summary>All values of the current flow (empty when none).</summary>
    public static IReadOnlyDictionary<string, string> Snapshot() =>
        Current.Value ?? ImmutableDictionary<string, string>.Empty;

    /// <summary>The raw values for copying into a request; null when there are none (the common case).</summary>
    internal static ImmutableDictionary<string, string>? Export() => Current.Value;

    /// <summary>Replaces the flow's values with those a request carried.</summary>
    internal static void Import(ImmutableDictionary<string, string>? values) => Current.Value = values;
}
