using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Sessions;

/// <summary>
/// The getUpdates offset of a polling bot, kept durably so a restart neither loses nor repeats updates. Key: the bot's
/// id (the digits before ':' in its token), so a different bot starts afresh.
/// </summary>
[Alias("vc.IUpdateOffsetGrain")]
public interface IUpdateOffsetGrain : IGrainWithStringKey
{
    /// <summary>The next offset to ask for (last accepted update_id + 1), or null before the first update.</summary>
    [ReadOnly]
    [Alias("GetOffset")]
    Task<long?> GetOffset();

    /// <summary>Stores <paramref name="offset"/> when it is above the stored one (offsets never go back).</summary>
    [Alias("SetOffset")]
    Task SetOffset(long offset);
}
