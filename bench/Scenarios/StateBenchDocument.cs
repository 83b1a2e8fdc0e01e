namespace VibeCoder.Bench.Scenarios;

/// <summary>The state <c>state-writes</c> writes: shaped like a grain's (a few scalars, a list, some non-ASCII text).</summary>
internal sealed record StateBenchDocument(string Title, long Counter, IReadOnlyList<string> Tags, string Body, DateTimeOffset UpdatedAt)
{
    private static readonly string[] BenchTags = ["productivity", "engineering", "habits", "carousel"];

    /// <summary>The document of write number <paramref name="counter"/>.</summary>
    public static StateBenchDocument For(long counter) => new(
        "Ten habits of calm engineers",
        counter,
        BenchTags,
        "Slide bodies are a few sentences long; this stands in for one of them, with Кириллица and emoji ✨.",
        DateTimeOffset.UnixEpoch.AddSeconds(counter));
}
