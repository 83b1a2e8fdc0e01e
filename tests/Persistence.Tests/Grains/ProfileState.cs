using System.Collections.Immutable;

namespace VibeCoder.Persistence.Tests.Grains;

public enum Mood
{
    Calm,
    Excited,
}

/// <summary>A state record with init-only properties, an enum and a collection, as grain state is written in this project.</summary>
[GenerateSerializer, Immutable, Alias("test.profile-state")]
public sealed record ProfileState
{
    [Id(0)] public string Name { get; init; } = "";
    [Id(1)] public int Visits { get; init; }
    [Id(2)] public Mood Mood { get; init; }
    [Id(3)] public ImmutableList<string> Notes { get; init; } = [];
}
