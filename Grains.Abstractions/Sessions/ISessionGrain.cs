using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Sessions;

/// <summary>
/// The conversation with one Telegram chat: commands, what the bot waits for, the running carousel, and which updates
/// were already handled. Key: the chat id. Updates reach it through the durable stream
/// <see cref="TelegramUpdateReceived.StreamNamespace"/> (an implicit subscription), one at a time and in order.
/// </summary>
[Alias("vc.ISessionGrain")]
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>The session as it is now (an empty one for a chat never seen).</summary>
    [ReadOnly]
    [Alias("GetSnapshot")]
    Task<SessionSnapshot> GetSnapshot();
}
