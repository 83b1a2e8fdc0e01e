namespace VibeCoder.Runtime.Storage;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentState{T}"/>: the runtime supplies a state
/// bound to the grain's identity. Orleans: <c>[PersistentState]</c>.
/// </summary>
/// <param name="stateName">The state's name; a grain can have several states with different names.</param>
/// <param name="storageName">The named storage provider; null means the default provider.</param>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>The name of the provider used when none is given.</summary>
    public const string DefaultStorageName = "Default";

    /// <summary>The state's name.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The named storage provider, or <see cref="DefaultStorageName"/>.</summary>
    public string StorageName { get; } = storageName ?? DefaultStorageName;
}
