using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Users;

/// <summary>A user as the product knows them.</summary>
/// <param name="UserId">The key: the Telegram user id, or the id an API caller gave.</param>
/// <param name="Identity">Telegram's name, username and language code, when known.</param>
/// <param name="Settings">Carousel preferences.</param>
/// <param name="Blocked">An operator blocked the user: requests are refused.</param>
/// <param name="Inactive">The user blocked the bot (Telegram 403): nothing is sent until they write again.</param>
/// <param name="CarouselsCreated">Carousels completed for the user.</param>
/// <param name="CreatedAt">First seen.</param>
[GenerateSerializer, Immutable, Alias("vc.UserProfile")]
public sealed record UserProfile(
    string UserId,
    TelegramIdentity? Identity,
    UserSettings Settings,
    bool Blocked,
    bool Inactive,
    int CarouselsCreated,
    DateTimeOffset CreatedAt);
