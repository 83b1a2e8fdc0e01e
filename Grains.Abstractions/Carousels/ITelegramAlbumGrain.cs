using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// Keeps the Telegram album of one carousel (<see cref="CarouselJobSnapshot.TelegramAlbum"/>) showing the carousel as
/// it is now, after edits made in the bot or anywhere else. Key: the job id.
/// </summary>
/// <remarks>
/// Idempotent: a sync compares each photo message's image key with the slide now at its position and changes only what
/// differs (<c>editMessageMedia</c>, <c>deleteMessage</c>), so a repeated sync does nothing and a later one repairs one
/// cut short. Telegram being down or holding the chat is retried after a backoff (or retry_after), also across a restart.
/// </remarks>
[Alias("vc.ITelegramAlbumGrain")]
public interface ITelegramAlbumGrain : IGrainWithStringKey
{
    /// <summary>Brings the album in line with the carousel, in the background; returns at once.</summary>
    [OneWay]
    [Alias("Sync")]
    Task Sync();
}
