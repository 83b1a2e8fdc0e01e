using System.Text.Json;

namespace VibeCoder.Runtime.Diagnostics;

/// <summary>One named state of a grain as stored.</summary>
/// <param name="StateName">The state's name.</param>
/// <param name="StorageName">The storage provider's name.</param>
/// <param name="StateType">The state's .NET type.</param>
/// <param name="RecordExists">Whether a record is stored.</param>
/// <param name="ETag">The stored version tag, or null.</param>
/// <param name="State">The stored JSON, or null when there is no record or it could not be read.</param>
/// <param name="Error">Why it could not be read, or null.</param>
public sealed record PersistedStateView(
    string StateName, string StorageName, string StateType, bool RecordExists, string? ETag, JsonElement? State, string? Error);
