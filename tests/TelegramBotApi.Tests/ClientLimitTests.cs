using VibeCoder.Telegram.Limits;
using VibeCoder.Telegram.Tests.Infrastructure;
using VibeCoder.Telegram.Types;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Tests;

/// <summary>Input Telegram would reject is refused by the client before anything is sent.</summary>
public sealed class ClientLimitTests : IClassFixture<StandInFixture>, IAsyncLifetime
{
    private const long ChatId = 8001;
    private readonly BotApiStandInServer _server;
    private readonly ClientHarness _harness;

    public ClientLimitTests(StandInFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
        _harness = ClientHarness.Create(_server.BaseAddress);
    }

    private ITelegramBotClient Client => _harness.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Whatever a test tried, nothing may have reached the server.
        Assert.Empty(_server.Calls);
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task SendMessage_TextOverLimit_ThrowsArgumentException()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => Client.SendMessageAsync(ChatId, new string('a', TelegramLimits.MaxMessageLength + 1)));

        Assert.Equal("text", error.ParamName);
        Assert.Contains("TelegramText.Split", error.Message);
    }

    [Fact]
    public async Task SendMessage_EmptyText_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.SendMessageAsync(ChatId, "  "));
    }

    [Fact]
    public async Task EditMessageText_TextOverLimit_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Client.EditMessageTextAsync(ChatId, 1, new string('a', TelegramLimits.MaxMessageLength + 1)));
    }

    [Fact]
    public async Task SendPhoto_CaptionOverLimit_ThrowsArgumentException()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => Client.SendPhotoAsync(ChatId, TestFiles.Png(), new string('c', TelegramLimits.MaxCaptionLength + 1)));

        Assert.Equal("caption", error.ParamName);
    }

    [Fact]
    public async Task SendPhoto_Over10Megabytes_ThrowsArgumentException()
    {
        var huge = TestFiles.Png(size: TelegramLimits.MaxPhotoBytes + 1);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.SendPhotoAsync(ChatId, huge));

        Assert.Equal("photo", error.ParamName);
    }

    [Fact]
    public async Task SendDocument_EmptyFile_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.SendDocumentAsync(ChatId, new InputFile("empty.zip", Array.Empty<byte>())));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public async Task SendMediaGroup_SizeOutside2To10_ThrowsArgumentException(int count)
    {
        var album = Enumerable.Range(0, count).Select(i => new InputMediaPhoto(TestFiles.Png($"s{i}.png", 100))).ToArray();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.SendMediaGroupAsync(ChatId, album));

        Assert.Contains("MediaAlbums.Split", error.Message);
    }

    [Fact]
    public async Task SendMediaGroup_CaptionOverLimit_ThrowsArgumentException()
    {
        InputMediaPhoto[] album = [new(TestFiles.Png(), new string('c', TelegramLimits.MaxCaptionLength + 1)), new(TestFiles.Png())];

        await Assert.ThrowsAsync<ArgumentException>(() => Client.SendMediaGroupAsync(ChatId, album));
    }

    [Fact]
    public async Task SendMediaGroup_PhotoOver10Megabytes_ThrowsArgumentException()
    {
        InputMediaPhoto[] album = [new(TestFiles.Png()), new(TestFiles.Png(size: TelegramLimits.MaxPhotoBytes + 1))];

        await Assert.ThrowsAsync<ArgumentException>(() => Client.SendMediaGroupAsync(ChatId, album));
    }

    [Fact]
    public async Task AnswerCallbackQuery_NotificationOver200_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.AnswerCallbackQueryAsync("q", new string('n', 201)));
    }

    [Theory]
    [InlineData("Start", "upper case")]
    [InlineData("/start", "slash")]
    [InlineData("start", "")]
    public async Task SetMyCommands_InvalidCommand_ThrowsArgumentException(string command, string description)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.SetMyCommandsAsync([new BotCommand(command, description)]));
    }

    [Theory]
    [InlineData("http://bot.example.test/hook", "secret")]
    [InlineData("https://bot.example.test/hook", "has space")]
    public async Task SetWebhook_NotHttpsOrBadSecret_ThrowsArgumentException(string url, string secret)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.SetWebhookAsync(url, secret));
    }
}
