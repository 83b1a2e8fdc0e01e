using VibeCoder.Telegram.Tests.Infrastructure;
using VibeCoder.Telegram.Types;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Tests;

/// <summary>Every client method against the stand-in: what goes over the wire and what comes back.</summary>
public sealed class BotApiRoundTripTests : IClassFixture<StandInFixture>, IAsyncLifetime
{
    private const long ChatId = 5001;
    private readonly BotApiStandInServer _server;
    private readonly ClientHarness _harness;

    public BotApiRoundTripTests(StandInFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
        _harness = ClientHarness.Create(_server.BaseAddress);
    }

    private ITelegramBotClient Client => _harness.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task GetMe_ValidToken_ReturnsTheBot()
    {
        var me = await Client.GetMeAsync().WaitAsync(TestFiles.Timeout);

        Assert.Equal(123456789, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("vibecoder_standin_bot", me.Username);
    }

    [Fact]
    public async Task SetWebhook_WithSecretAndAllowedUpdates_StandInRecordsThemAndInfoReportsUrl()
    {
        var set = await Client.SetWebhookAsync(
            "https://bot.example.test/telegram/webhook", "s3cret_Value-1", ["message", "callback_query"], dropPendingUpdates: true)
            .WaitAsync(TestFiles.Timeout);
        var info = await Client.GetWebhookInfoAsync().WaitAsync(TestFiles.Timeout);

        Assert.True(set);
        var webhook = Assert.IsType<BotApiWebhook>(_server.Webhook);
        Assert.Equal("https://bot.example.test/telegram/webhook", webhook.Url);
        Assert.Equal("s3cret_Value-1", webhook.SecretToken);
        Assert.Equal(["message", "callback_query"], webhook.AllowedUpdates);
        Assert.True(webhook.DropPendingUpdates);
        Assert.Equal("https://bot.example.test/telegram/webhook", info.Url);
        Assert.Equal(["message", "callback_query"], info.AllowedUpdates);
    }

    [Fact]
    public async Task DeleteWebhook_AfterSet_RemovesTheWebhook()
    {
        await Client.SetWebhookAsync("https://bot.example.test/hook").WaitAsync(TestFiles.Timeout);

        var deleted = await Client.DeleteWebhookAsync(dropPendingUpdates: true).WaitAsync(TestFiles.Timeout);

        Assert.True(deleted);
        Assert.Null(_server.Webhook);
        Assert.Equal("true", _server.CallsTo("deleteWebhook").Single().Parameters["drop_pending_updates"]);
    }

    [Fact]
    public async Task SendMessage_WithHtmlKeyboardAndNoPreview_SendsAllFieldsAndReturnsTheMessage()
    {
        var keyboard = InlineKeyboardMarkup.Column(
            InlineKeyboardButton.WithCallbackData("Regenerate", "regen:42"),
            InlineKeyboardButton.WithUrl("Open", "https://example.test/c/42"));

        var message = await Client.SendMessageAsync(ChatId, "<b>Ready</b>", ParseMode.Html, keyboard, disableLinkPreview: true)
            .WaitAsync(TestFiles.Timeout);

        var call = _server.CallsTo("sendMessage").Single();
        Assert.Equal("json", call.BodyKind);
        Assert.Equal(ChatId, call.ChatId);
        Assert.Equal("<b>Ready</b>", call.Text);
        Assert.Equal("HTML", call.ParseMode);
        Assert.Equal([new BotApiButton("Regenerate", "regen:42", null), new BotApiButton("Open", null, "https://example.test/c/42")], call.Buttons);
        Assert.True(call.JsonParameter("link_preview_options")!["is_disabled"]!.GetValue<bool>());
        Assert.Equal(call.MessageId, message.MessageId);
        Assert.Equal(ChatId, message.Chat.Id);
        Assert.Equal("<b>Ready</b>", message.Text);
    }

    [Fact]
    public async Task EditMessageText_KnownMessage_ReplacesTheText()
    {
        var sent = await Client.SendMessageAsync(ChatId, "Generating…").WaitAsync(TestFiles.Timeout);

        var edited = await Client.EditMessageTextAsync(ChatId, sent.MessageId, "Done: 7 slides").WaitAsync(TestFiles.Timeout);

        Assert.Equal("Done: 7 slides", edited.Text);
        Assert.Equal("Done: 7 slides", _server.MessageText(ChatId, sent.MessageId));
    }

    [Fact]
    public async Task EditMessageText_UnknownMessage_ThrowsBadRequestWithoutRetry()
    {
        var error = await Assert.ThrowsAsync<TelegramApiException>(
            () => Client.EditMessageTextAsync(ChatId, 999_999, "new text").WaitAsync(TestFiles.Timeout));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message to edit not found", error.Description);
        Assert.Single(_server.CallsTo("editMessageText"));
    }

    [Fact]
    public async Task SendChatAction_Typing_SendsTheActionName()
    {
        var done = await Client.SendChatActionAsync(ChatId, ChatAction.UploadPhoto).WaitAsync(TestFiles.Timeout);

        Assert.True(done);
        Assert.Equal("upload_photo", _server.CallsTo("sendChatAction").Single().Parameters["action"]);
    }

    [Fact]
    public async Task SendPhoto_PngWithCaption_UploadsMultipartAndReturnsPhotoSizes()
    {
        var photo = TestFiles.Png("slide-1.png", size: 20_000);
        var keyboard = InlineKeyboardMarkup.Row(InlineKeyboardButton.WithCallbackData("More", "more"));

        var message = await Client.SendPhotoAsync(ChatId, photo, "Slide one", ParseMode.MarkdownV2, keyboard).WaitAsync(TestFiles.Timeout);

        var call = _server.CallsTo("sendPhoto").Single();
        Assert.Equal("multipart", call.BodyKind);
        Assert.Equal(1, call.PhotoCount);
        Assert.Equal("Slide one", call.Caption);
        Assert.Equal("MarkdownV2", call.ParseMode);
        var file = Assert.Single(call.Files);
        Assert.Equal(("photo", "slide-1.png", 20_000L, "image/png"), (file.FieldName, file.FileName, file.Length, file.ContentType));
        Assert.Equal(photo.Content.ToArray(), file.Content);
        Assert.Equal("more", Assert.Single(call.Buttons).CallbackData);
        var size = Assert.Single(message.Photo!);
        Assert.Equal((1080, 1350), (size.Width, size.Height));
        Assert.Equal("Slide one", message.Caption);
    }

    [Fact]
    public async Task SendDocument_Zip_UploadsBytesWithTheFileName()
    {
        var archive = new InputFile("carousel-42.zip", new byte[3000], "application/zip");

        var message = await Client.SendDocumentAsync(ChatId, archive, "All slides").WaitAsync(TestFiles.Timeout);

        var file = Assert.Single(_server.CallsTo("sendDocument").Single().Files);
        Assert.Equal(("document", "carousel-42.zip", 3000L), (file.FieldName, file.FileName, file.Length));
        Assert.Equal("carousel-42.zip", message.Document!.FileName);
        Assert.Equal(3000, message.Document.FileSize);
    }

    [Fact]
    public async Task SendMediaGroup_ThreePhotos_UploadsEachPartAndReturnsOneAlbum()
    {
        InputMediaPhoto[] album =
        [
            new(TestFiles.Png("slide-1.png", 5000), "Caption of the album"),
            new(TestFiles.Png("slide-2.png", 6000)),
            new(TestFiles.Png("slide-3.png", 7000)),
        ];

        var messages = await Client.SendMediaGroupAsync(ChatId, album).WaitAsync(TestFiles.Timeout);

        var call = _server.CallsTo("sendMediaGroup").Single();
        Assert.Equal(3, call.PhotoCount);
        Assert.Equal("Caption of the album", call.Caption);
        Assert.Equal([5000L, 6000L, 7000L], call.Files.OrderBy(file => file.Length).Select(file => file.Length));
        var media = call.JsonParameter("media")!.AsArray();
        Assert.All(media, item => Assert.StartsWith("attach://", item!["media"]!.GetValue<string>()));
        Assert.Equal(3, messages.Count);
        Assert.Single(messages.Select(message => message.MediaGroupId).Distinct());
        Assert.Equal("Caption of the album", messages[0].Caption);
        Assert.Null(messages[1].Caption);
    }

    [Fact]
    public async Task AnswerCallbackQuery_WithText_SendsIdAndText()
    {
        var done = await Client.AnswerCallbackQueryAsync("query-1", "Regenerating…", showAlert: true).WaitAsync(TestFiles.Timeout);

        Assert.True(done);
        var call = _server.CallsTo("answerCallbackQuery").Single();
        Assert.Equal("query-1", call.Parameters["callback_query_id"]);
        Assert.Equal("Regenerating…", call.Text);
        Assert.Equal("true", call.Parameters["show_alert"]);
    }

    [Fact]
    public async Task SetMyCommands_TwoCommands_SendsThemWithTheLanguage()
    {
        var done = await Client.SetMyCommandsAsync([new("start", "Start over"), new("settings", "Slides, theme, language")], "ru")
            .WaitAsync(TestFiles.Timeout);

        Assert.True(done);
        var call = _server.CallsTo("setMyCommands").Single();
        var commands = call.JsonParameter("commands")!.AsArray();
        Assert.Equal(["start", "settings"], commands.Select(command => command!["command"]!.GetValue<string>()));
        Assert.Equal("ru", call.Parameters["language_code"]);
    }

    [Fact]
    public async Task DeleteMessage_Twice_FirstDeletesSecondIsBadRequest()
    {
        var sent = await Client.SendMessageAsync(ChatId, "temporary").WaitAsync(TestFiles.Timeout);

        var deleted = await Client.DeleteMessageAsync(ChatId, sent.MessageId).WaitAsync(TestFiles.Timeout);
        var again = await Assert.ThrowsAsync<TelegramApiException>(() => Client.DeleteMessageAsync(ChatId, sent.MessageId).WaitAsync(TestFiles.Timeout));

        Assert.True(deleted);
        Assert.Null(_server.MessageText(ChatId, sent.MessageId));
        Assert.Equal(400, again.ErrorCode);
    }

    [Fact]
    public async Task GetUpdates_QueuedUpdatesOfEveryKind_ReturnsThemTyped()
    {
        _server.EnqueueUpdate(BotApiUpdates.TextMessage(ChatId, 77, "/start hello", messageId: 10));
        _server.EnqueueUpdate(BotApiUpdates.StickerMessage(ChatId, 77, messageId: 11));
        _server.EnqueueUpdate(BotApiUpdates.PhotoMessage(ChatId, 77, "look", messageId: 12));
        _server.EnqueueUpdate(BotApiUpdates.CallbackQuery(ChatId, 77, "regen:1", messageId: 3, callbackQueryId: "cb-1"));
        _server.EnqueueUpdate(BotApiUpdates.MyChatMember(ChatId, 77, "kicked"));

        var updates = await Client.GetUpdatesAsync().WaitAsync(TestFiles.Timeout);

        Assert.Equal(5, updates.Count);
        var text = updates[0].Message!;
        Assert.Equal(("/start hello", 77L, "en", ChatId, "private"), (text.Text, text.From!.Id, text.From.LanguageCode, text.Chat.Id, text.Chat.Type));
        Assert.Equal("bot_command", Assert.Single(text.Entities!).Type);
        Assert.Null(updates[1].Message!.Text);
        Assert.Equal("👍", updates[1].Message!.Sticker!.Emoji);
        Assert.Equal(2, updates[2].Message!.Photo!.Count);
        Assert.Equal("look", updates[2].Message!.Caption);
        var query = updates[3].CallbackQuery!;
        Assert.Equal(("cb-1", "regen:1", 77L, 3L), (query.Id, query.Data, query.From.Id, query.Message!.MessageId));
        Assert.Equal("kicked", updates[4].MyChatMember!.NewChatMember!.Status);
        Assert.True(updates.Select(update => update.UpdateId).SequenceEqual(updates.Select(update => update.UpdateId).Order()));
    }

    [Fact]
    public async Task GetUpdates_OffsetPastLastUpdate_ConfirmsEverything()
    {
        _server.EnqueueUpdate(BotApiUpdates.TextMessage(ChatId, 77, "one"));
        _server.EnqueueUpdate(BotApiUpdates.TextMessage(ChatId, 77, "two"));
        var first = await Client.GetUpdatesAsync(limit: 1).WaitAsync(TestFiles.Timeout);

        var rest = await Client.GetUpdatesAsync(offset: first[0].UpdateId + 1).WaitAsync(TestFiles.Timeout);
        var none = await Client.GetUpdatesAsync(offset: rest[0].UpdateId + 1).WaitAsync(TestFiles.Timeout);

        Assert.Equal("one", Assert.Single(first).Message!.Text);
        Assert.Equal("two", Assert.Single(rest).Message!.Text);
        Assert.Empty(none);
        Assert.Equal(0, _server.PendingUpdates);
    }

    [Fact]
    public async Task GetUpdates_WhileWebhookIsSet_ThrowsConflict()
    {
        await Client.SetWebhookAsync("https://bot.example.test/hook").WaitAsync(TestFiles.Timeout);

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => Client.GetUpdatesAsync().WaitAsync(TestFiles.Timeout));

        Assert.Equal(409, error.ErrorCode);
    }

    [Fact]
    public void DeserializeUpdate_WebhookBody_ReadsTheMessage()
    {
        var body = BotApiUpdates.TextMessage(ChatId, 77, "topic: coffee", updateId: 42).ToJsonString();

        var update = TelegramJson.DeserializeUpdate(System.Text.Encoding.UTF8.GetBytes(body));

        Assert.Equal(42, update.UpdateId);
        Assert.Equal("topic: coffee", update.Message!.Text);
    }
}
