namespace VibeCoder.Grains.Telegram;

/// <summary>Settings of the bot's conversation, bound from environment-style keys and validated at start.</summary>
/// <remarks>
/// Defaults: no administrators, the last 10 carousels in /history, the last 200 update ids of a chat remembered for
/// de-duplication, render progress checked every second.
/// </remarks>
public sealed class TelegramBotOptions
{
    /// <summary>Key of <see cref="AdminUserIds"/>: comma-separated Telegram user ids allowed to use /stats.</summary>
    public const string AdminUserIdsKey = "ADMIN_USER_IDS";

    /// <summary>Telegram user ids allowed to use /stats (<c>ADMIN_USER_IDS</c>). Default: none.</summary>
    public IReadOnlySet<long> AdminUserIds { get; set; } = new HashSet<long>();

    /// <summary>Carousels listed by /history. Default 10.</summary>
    public int HistoryPageSize { get; set; } = 10;

    /// <summary>
    /// How many of a chat's latest update ids its session remembers to drop repeats (Telegram re-posts an update when
    /// our answer was lost). Default 200.
    /// </summary>
    public int RememberedUpdateIds { get; set; } = 200;

    /// <summary>How often the status message is refreshed while slides are drawn. Default 1 s.</summary>
    public TimeSpan RenderProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Values in configuration that could not be parsed; reported by validation with their keys.</summary>
    internal List<string> BindingErrors { get; } = [];
}
