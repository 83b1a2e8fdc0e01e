using System.Globalization;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Grains.Sessions;
using VibeCoder.Grains.Telegram.Texts;
using VibeCoder.Grains.Users;

namespace VibeCoder.Grains.Telegram.Conversation;

/// <summary>
/// One update being handled: who wrote, in which chat, their profile and the session. Handlers replace
/// <see cref="Session"/> and <see cref="Profile"/> as they change them; the session grain stores the session afterwards.
/// Lives for one turn of the session grain, so it needs no locking.
/// </summary>
internal sealed class ConversationTurn(long chatId, long updateId, User from, IUserGrain user, UserProfile profile, SessionState session)
{
    public long ChatId { get; } = chatId;

    public long UpdateId { get; } = updateId;

    public User From { get; } = from;

    public string UserId { get; } = from.Id.ToString(CultureInfo.InvariantCulture);

    public IUserGrain User { get; } = user;

    public UserProfile Profile { get; set; } = profile;

    public SessionState Session { get; set; } = session;

    /// <summary>The bot's language for this user now (a settings change applies at once).</summary>
    public BotTexts Texts => BotTexts.For(BotLanguage.Resolve(Profile.Settings, From.LanguageCode));

    /// <summary>What kind of update this was, for metrics and events: message, command, callback, sticker, photo, …</summary>
    public string Kind { get; set; } = "other";

    /// <summary>The command executed, if any (without the slash).</summary>
    public string? Command { get; set; }

    /// <summary>The button action taken, if any (e.g. "settings.theme", "result.zip").</summary>
    public string? Interaction { get; set; }

    /// <summary>Whether the chat's outbox holds replies (asked once per turn); while it does, replies queue behind them.</summary>
    public bool? OutboxBacklogged { get; set; }

    private int _outgoing;

    /// <summary>A key for the turn's next outgoing message, the same when the update is handled again.</summary>
    public string NextOutgoingKey() => string.Create(CultureInfo.InvariantCulture, $"{UpdateId}:{_outgoing++}");
}
