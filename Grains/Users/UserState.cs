using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Users;

namespace VibeCoder.Grains.Users;

/// <summary>The persisted state of a <see cref="UserGrain"/>.</summary>
public sealed record UserState
{
    /// <summary>Telegram's view of the user, when known.</summary>
    public TelegramIdentity? Identity { get; init; }

    /// <summary>Carousel preferences.</summary>
    public UserSettings Settings { get; init; } = new();

    /// <summary>Operator block.</summary>
    public bool Blocked { get; init; }

    /// <summary>The user blocked the bot.</summary>
    public bool Inactive { get; init; }

    /// <summary>Completed carousels.</summary>
    public int CarouselsCreated { get; init; }

    /// <summary>First contact; null until the user was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Quota units in the rolling window: job id → when reserved.</summary>
    public IReadOnlyList<QuotaUse> QuotaUses { get; init; } = [];

    /// <summary>The brand kit applied to new carousels.</summary>
    public BrandKit Brand { get; init; } = BrandKit.Empty;

    /// <summary>Newest first, at most the configured history size.</summary>
    public IReadOnlyList<HistoryEntry> History { get; init; } = [];
}

/// <summary>One reserved quota unit.</summary>
public sealed record QuotaUse(string JobId, DateTimeOffset At);
