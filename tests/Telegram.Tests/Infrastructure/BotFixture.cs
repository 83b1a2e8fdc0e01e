using System.Text.Json.Nodes;
using VibeCoder.Grains.Users;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests.Infrastructure;

/// <summary>
/// One Bot API stand-in and one gateway in webhook mode over a temp SQLite file, shared by the conversation tests.
/// Tests stay independent by using their own chat and user ids (<see cref="NewChat"/>) and update ids.
/// </summary>
public sealed class BotFixture : IAsyncLifetime
{
    public const long AdminUserId = 900_000_001;
    public const int QuotaPerHour = 2;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static long _nextId = 1_000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vibecoder-telegram-tests", Guid.NewGuid().ToString("N"));

    public BotApiStandInServer StandIn { get; private set; } = null!;

    public GatewayHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        StandIn = await BotApiStandInServer.StartAsync();
        var settings = GatewayHost.Settings(StandIn, GatewayHost.NewDatabasePath(_folder));
        settings["ADMIN_USER_IDS"] = $"{AdminUserId}, 42";
        settings["QUOTA_PER_HOUR"] = QuotaPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Host = GatewayHost.Start(settings);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Host.DisposeAsync();
            await StandIn.DisposeAsync();
        }
        finally
        {
            TempFolder.Delete(_folder);
        }
    }

    /// <summary>A fresh private chat (chat id = user id), so no test sees another's session or quota.</summary>
    public static TestChat NewChat(string language = "en") => new(Interlocked.Increment(ref _nextId) * 1000, language);

    /// <summary>A fresh update id, increasing like Telegram's.</summary>
    public static long NextUpdateId() => Interlocked.Increment(ref _nextId);

    /// <summary>Sets a user's settings directly (e.g. 3 slides so carousels render fast).</summary>
    public Task<UserSettings> SetSettingsAsync(TestChat chat, UserSettings settings) =>
        Host.Grains.GetGrain<IUserGrain>(chat.UserIdText).UpdateSettings(settings);

    /// <summary>Posts a text message from <paramref name="chat"/>'s user.</summary>
    public Task SayAsync(TestChat chat, string text) => Host.SendAsync(chat.Text(text));

    /// <summary>Posts a button press of <paramref name="chat"/>'s user under the bot's message <paramref name="messageId"/>.</summary>
    public Task PressAsync(TestChat chat, string data, long messageId) => Host.SendAsync(chat.Press(data, messageId));

    /// <summary>Waits for the first call of <paramref name="method"/> to the chat that matches.</summary>
    public Task<BotApiCall> WaitForAsync(TestChat chat, string method, Func<BotApiCall, bool>? match = null) =>
        StandIn.WaitForCallAsync(
            call => call.Method == method && call.ChatId == chat.ChatId && call.StatusCode == 200 && (match?.Invoke(call) ?? true),
            Timeout);

    /// <summary>Waits for a sent message to the chat whose text contains <paramref name="text"/>.</summary>
    public Task<BotApiCall> WaitForMessageAsync(TestChat chat, string text) =>
        WaitForAsync(chat, "sendMessage", call => call.Text?.Contains(text, StringComparison.Ordinal) == true);

    /// <summary>Successful calls of <paramref name="method"/> to the chat so far.</summary>
    public IReadOnlyList<BotApiCall> CallsTo(TestChat chat, string method) =>
        StandIn.CallsTo(method).Where(call => call.ChatId == chat.ChatId && call.StatusCode == 200).ToArray();
}

[CollectionDefinition(Name)]
public sealed class BotCollection : ICollectionFixture<BotFixture>
{
    public const string Name = "telegram-bot";
}

/// <summary>A private chat of one user: chat id and user id are the same, as in Telegram.</summary>
public sealed record TestChat(long ChatId, string Language)
{
    public long UserId => ChatId;

    public string UserIdText => UserId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public JsonObject Text(string text, long? updateId = null) =>
        BotApiUpdates.TextMessage(ChatId, UserId, text, messageId: BotFixture.NextUpdateId(), updateId: updateId ?? BotFixture.NextUpdateId(), languageCode: Language);

    public JsonObject Press(string data, long messageId) =>
        BotApiUpdates.CallbackQuery(ChatId, UserId, data, messageId, updateId: BotFixture.NextUpdateId());
}
