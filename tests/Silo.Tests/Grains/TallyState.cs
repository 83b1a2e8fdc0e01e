namespace VibeCoder.Silo.Tests.Grains;

public sealed record TallyState
{
    public int Count { get; init; }

    public string? LastBy { get; init; }
}
