namespace VibeCoder.Grains.Telegram.Albums;

/// <summary>What one pass of <see cref="TelegramAlbumSynchronizer"/> did to a carousel's album.</summary>
internal enum AlbumSyncOutcome
{
    /// <summary>Every photo already showed its slide.</summary>
    Unchanged,

    /// <summary>Photos were replaced in place and/or surplus ones deleted.</summary>
    Updated,

    /// <summary>The album was sent again as new messages and the old ones deleted (it had to grow, or its photos were gone).</summary>
    Resent,
}
