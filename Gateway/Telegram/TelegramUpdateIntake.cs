using System.Globalization;
using System.Text;
using System.Text.Json;
using Telegram.Bot.Types;
using VibeCoder.Grains.Events;
using VibeCoder.Grains.Sessions;
using VibeCoder.Grains.Telegram;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using VibeCoder.Grains.Telegram.Client;

namespace VibeCoder.Gateway.Telegram;

/// <summary>
/// Where every Telegram update enters (the webhook and the polling loop alike): the update is appended to the durable
/// stream <see cref="TelegramUpdateReceived.StreamNamespace"/>/chat id and the returned task completes once it is
/// committed, so an acknowledged update survives a crash. The chat's session grain consumes the stream in order; chats
/// are independent streams, so they run in parallel. Concurrent acceptances share database commits (group commit).
/// </summary>
internal sealed class TelegramUpdateIntake(IClusterClient client, TelegramIntakeMetrics metrics, TimeProvider clock)
{
    private readonly IStreamProvider _streams = client.GetStreamProvider(TelegramStreams.ProviderName);

    /// <summary>Reads (Telegram.Bot's types and serializer options) and stores an update exactly as Telegram sent it.</summary>
    /// <param name="utf8Json">The request body.</param>
    /// <param name="cancellationToken">Cancels waiting to enqueue; once queued for the database the update may still be stored.</param>
    public Task<IntakeOutcome> AcceptAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        Update update;
        try
        {
            update = TelegramUpdates.Parse(utf8Json.Span);
        }
        catch (JsonException)
        {
            metrics.Received(IntakeOutcome.Malformed);
            return Task.FromResult(IntakeOutcome.Malformed);
        }

        return AcceptAsync(update, Encoding.UTF8.GetString(utf8Json.Span), cancellationToken);
    }

    /// <summary>Stores an update read by the polling loop.</summary>
    public Task<IntakeOutcome> AcceptAsync(Update update, CancellationToken cancellationToken) =>
        AcceptAsync(update, TelegramUpdates.Serialize(update), cancellationToken);

    /// <summary>The chat an update belongs to, or null for updates outside any chat.</summary>
    public static long? ChatOf(Update update) =>
        update.Message?.Chat.Id
        ?? update.EditedMessage?.Chat.Id
        ?? update.CallbackQuery?.Message?.Chat.Id
        ?? update.CallbackQuery?.From.Id // a button under an inline message: answer in the user's private chat
        ?? update.MyChatMember?.Chat.Id;

    private async Task<IntakeOutcome> AcceptAsync(Update update, string json, CancellationToken cancellationToken)
    {
        if (ChatOf(update) is not { } chatId)
        {
            metrics.Received(IntakeOutcome.Ignored);
            return IntakeOutcome.Ignored;
        }

        // Stored with the item and restored around its delivery, so every grain call and event the update causes shares it.
        RequestContext.Set(CorrelationKeys.CorrelationId, TelegramUpdateReceived.CorrelationIdOf(update.Id));
        var item = new TelegramUpdateReceived(update.Id, chatId, json, clock.GetUtcNow());
        cancellationToken.ThrowIfCancellationRequested();
        await _streams.GetStream<TelegramUpdateReceived>(
                StreamId.Create(TelegramUpdateReceived.StreamNamespace, chatId.ToString(CultureInfo.InvariantCulture)))
            .OnNextAsync(item);
        metrics.Received(IntakeOutcome.Accepted);
        return IntakeOutcome.Accepted;
    }
}
