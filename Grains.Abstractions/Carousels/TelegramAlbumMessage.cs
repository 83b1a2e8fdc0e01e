using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>One photo message of a carousel sent to Telegram, and which image it shows.</summary>
/// <param name="MessageId">Telegram's message id.</param>
/// <param name="ImageKey">The <see cref="SlideView.ImageKey"/> of the image the message shows now.</param>
[GenerateSerializer, Immutable, Alias("vc.TelegramAlbumMessage")]
public sealed record TelegramAlbumMessage(int MessageId, string ImageKey);
