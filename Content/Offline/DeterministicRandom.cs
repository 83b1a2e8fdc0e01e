namespace VibeCoder.Content.Offline;

/// <summary>
/// A tiny seeded generator (SplitMix64) so the offline generator picks the same phrasing for the same request on
/// every machine and every run; <see cref="Random"/> and <see cref="string.GetHashCode()"/> promise neither.
/// </summary>
internal sealed class DeterministicRandom(ulong seed)
{
    private ulong _state = seed;

    public static DeterministicRandom For(string topic, int slideCount, string language, int variant = 0)
    {
        // FNV-1a over the request's fields: stable, fast and good enough to spread topics over the variants.
        // Variant 0 hashes exactly as before variants existed, so generated carousels keep their words.
        var hash = 14695981039346656037UL;
        var fields = variant == 0 ? $"{language}|{slideCount}|{topic}" : $"{language}|{slideCount}|{topic}|{variant}";
        foreach (var c in fields)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return new DeterministicRandom(hash);
    }

    public int Next(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        return (int)(NextUInt64() % (ulong)exclusiveMax);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
