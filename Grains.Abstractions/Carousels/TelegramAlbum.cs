using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// Where a carousel's slides were sent in Telegram: the photo messages in slide order, so an edit can update them in
/// place (<c>editMessageMedia</c>) instead of sending a second album.
/// </summary>
/// <param name="ChatId">The chat.</param>
/// <param name="Messages">The photo messages, first slide first.</param>
[GenerateSerializer, Immutable, Alias("vc.TelegramAlbum")]
public sealed record TelegramAlbum(long ChatId, IReadOnlyList<TelegramAlbumMessage> Messages);
