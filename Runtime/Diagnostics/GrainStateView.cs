namespace VibeCoder.Runtime.Diagnostics;

/// <summary>The persisted state of one grain, as its storage providers hold it.</summary>
/// <param name="GrainId">The grain, as <c>type/key</c>.</param>
/// <param name="GrainClass">The grain class's full name.</param>
/// <param name="IsActive">Whether the grain has a live activation now (its memory may be ahead of storage mid-turn).</param>
/// <param name="States">One entry per <c>[PersistentState]</c> parameter of the class.</param>
public sealed record GrainStateView(string GrainId, string GrainClass, bool IsActive, IReadOnlyList<PersistedStateView> States);
