using Orleans;
using Orleans.Concurrency;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Users;

/// <summary>A user: profile, settings, quota and history. Key: the Telegram user id (or an API user id).</summary>
[Alias("vc.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>The profile (a default one for a user never seen).</summary>
    [ReadOnly]
    [Alias("GetProfile")]
    Task<UserProfile> GetProfile();

    /// <summary>Records the user's Telegram identity; creates the user on first contact and clears <c>Inactive</c>.</summary>
    [Alias("Touch")]
    Task<UserProfile> Touch(TelegramIdentity identity);

    /// <summary>Replaces the settings after validating them.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message says which.</exception>
    [Alias("UpdateSettings")]
    Task<UserSettings> UpdateSettings(UserSettings settings);

    /// <summary>Reserves one unit of the hourly quota for the job (idempotent per job).</summary>
    [Alias("TryReserveQuota")]
    Task<QuotaDecision> TryReserveQuota(string jobId);

    /// <summary>Gives the job's quota unit back (failed or cancelled jobs; idempotent).</summary>
    [Alias("RefundQuota")]
    Task RefundQuota(string jobId);

    /// <summary>Adds or updates a history entry (keyed by job id).</summary>
    [Alias("RecordHistory")]
    Task RecordHistory(HistoryEntry entry);

    /// <summary>The latest entries, newest first.</summary>
    [ReadOnly]
    [Alias("GetHistory")]
    Task<IReadOnlyList<HistoryEntry>> GetHistory(int count);

    /// <summary>Removes an entry from the history.</summary>
    [Alias("RemoveHistory")]
    Task<bool> RemoveHistory(string jobId);

    /// <summary>Blocks or unblocks the user (operators).</summary>
    [Alias("SetBlocked")]
    Task SetBlocked(bool blocked);

    /// <summary>Marks that the user blocked the bot (or wrote again).</summary>
    [Alias("SetInactive")]
    Task SetInactive(bool inactive);

    /// <summary>The user's brand kit (<see cref="BrandKit.Empty"/> when none was set).</summary>
    [ReadOnly]
    [Alias("GetBrandKit")]
    Task<BrandKit> GetBrandKit();

    /// <summary>Replaces the brand kit after validating it and publishes <c>brand.updated</c> when anything changed.</summary>
    /// <exception cref="ArgumentException">A colour is not "#rrggbb", a font is not offered, or a text is too long; the message says which.</exception>
    [Alias("UpdateBrandKit")]
    Task<BrandKit> UpdateBrandKit(BrandKit kit);
}
