namespace VibeCoder.Grains.Telegram.Limits;

/// <summary>Plans how many photos go into each sendMediaGroup call.</summary>
internal static class MediaAlbums
{
    /// <summary>
    /// Splits <paramref name="photoCount"/> photos into albums of <see cref="TelegramLimits.MinAlbumSize"/>–
    /// <see cref="TelegramLimits.MaxAlbumSize"/>, as few and as even as possible: 11 → 6+5, 20 → 10+10, 21 → 7+7+7.
    /// </summary>
    /// <returns>
    /// Consecutive ranges over the photo indexes; empty for 0 photos. The only range of length 1 is the one returned
    /// for a single photo, which Telegram cannot send as an album: send it with sendPhoto.
    /// </returns>
    public static IReadOnlyList<Range> Split(int photoCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(photoCount);
        if (photoCount == 0)
        {
            return [];
        }

        var albums = (photoCount + TelegramLimits.MaxAlbumSize - 1) / TelegramLimits.MaxAlbumSize;
        var smallest = photoCount / albums;
        var largerAlbums = photoCount % albums;
        var ranges = new Range[albums];
        var start = 0;
        for (var album = 0; album < albums; album++)
        {
            // The first `largerAlbums` albums take one photo more, so sizes differ by at most one.
            var size = smallest + (album < largerAlbums ? 1 : 0);
            ranges[album] = new Range(start, start + size);
            start += size;
        }

        return ranges;
    }
}
