using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.CommandExecuted"/>: a bot command ran.</summary>
/// <param name="UserId">The Telegram user id.</param>
/// <param name="ChatId">The chat.</param>
/// <param name="Command">The command without arguments, e.g. "/start".</param>
/// <param name="Arguments">What followed the command, if anything.</param>
/// <param name="Succeeded">Whether it did what was asked.</param>
[GenerateSerializer, Immutable, Alias("vc.CommandExecuted")]
public sealed record CommandExecuted(string UserId, long ChatId, string Command, string? Arguments, bool Succeeded) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.CommandExecuted;
}
