using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Users;

/// <summary>What Telegram tells us about a user with each update.</summary>
[GenerateSerializer, Immutable, Alias("vc.TelegramIdentity")]
public sealed record TelegramIdentity(string? FirstName, string? LastName, string? Username, string? LanguageCode);
