namespace VibeCoder.Grains.Telegram.Diagnostics;

/// <summary>The bot's counters since the process started.</summary>
/// <param name="Updates">Updates handled (duplicates excluded).</param>
/// <param name="Messages">Of those, messages.</param>
/// <param name="Callbacks">Of those, button presses.</param>
/// <param name="Other">Of those, anything else (edits, membership changes).</param>
/// <param name="Duplicates">Repeated update ids dropped.</param>
/// <param name="Commands">Commands executed.</param>
/// <param name="CarouselsStarted">Carousels started from the bot.</param>
/// <param name="QuotaRejections">Carousel requests refused by the hourly quota.</param>
public sealed record BotStatisticsSnapshot(
    long Updates,
    long Messages,
    long Callbacks,
    long Other,
    long Duplicates,
    long Commands,
    long CarouselsStarted,
    long QuotaRejections);
