using SkiaSharp;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Sessions;
using VibeCoder.Grains.Users;
using VibeCoder.Rendering.Images;
using VibeCoder.Rendering.Themes;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;
using VibeCoder.TestServers.Images;

namespace VibeCoder.Telegram.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class BrandFlowTests(BotFixture bot)
{
    private const string Preview = "Preview";

    [Fact]
    public async Task Brand_Command_ShowsTheMenuWithEveryControl()
    {
        var chat = BotFixture.NewChat();

        await bot.SayAsync(chat, "/brand");

        var menu = await bot.WaitForMessageAsync(chat, "Your brand kit");
        string[] expected = ["b:c:p", "b:c:a", "b:c:g", "b:f:h", "b:f:b", "b:n", "b:h", "b:l", "b:t:n", "b:t:h", "b:t:l", "b:t:p"];
        Assert.Equal(expected, menu.Buttons.Select(b => b.CallbackData).ToArray());
    }

    [Fact]
    public async Task HexReply_Valid_SavesTheColourAndSendsAPreview()
    {
        var chat = BotFixture.NewChat();
        var messageId = await OpenMenuAsync(chat);

        await bot.PressAsync(chat, "b:c:p", messageId);
        var picker = await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("#RRGGBB", StringComparison.Ordinal));
        Assert.Contains(picker.Buttons, b => b.CallbackData == "b:c:p:1a237e");
        Assert.Equal(SessionAwaiting.BrandPrimaryColor, (await Session(chat)).Awaiting);

        await bot.SayAsync(chat, "#1A237E");

        await bot.WaitForMessageAsync(chat, "Text colour: #1a237e");
        var preview = await bot.WaitForAsync(chat, "sendPhoto", call => call.Caption?.Contains(Preview, StringComparison.Ordinal) == true);
        Assert.Equal((1080, 1350), PngSize(Assert.Single(preview.Files).Content));
        Assert.Equal("#1a237e", (await Kit(chat)).PrimaryColor);
        Assert.Equal(SessionAwaiting.None, (await Session(chat)).Awaiting);
    }

    [Theory]
    [InlineData("#12345")]
    [InlineData("blue")]
    [InlineData("#GGGGGG")]
    [InlineData("#1234567")]
    public async Task HexReply_Invalid_AnswersKindlyAndChangesNothing(string typed)
    {
        var chat = BotFixture.NewChat();
        var messageId = await OpenMenuAsync(chat);
        await bot.PressAsync(chat, "b:c:g", messageId);
        await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("#RRGGBB", StringComparison.Ordinal));

        await bot.SayAsync(chat, typed);

        await bot.WaitForMessageAsync(chat, "not a colour I can use");
        Assert.Equal(BrandKit.Empty, await Kit(chat));
        Assert.Equal(SessionAwaiting.BrandBackgroundColor, (await Session(chat)).Awaiting);
        Assert.Empty(bot.CallsTo(chat, "sendPhoto"));
        Assert.Empty(bot.CallsTo(chat, "sendMediaGroup")); // not taken for a topic either
    }

    [Fact]
    public async Task Preset_Pressed_SavesRedrawsTheMenuAndSendsAPreview()
    {
        var chat = BotFixture.NewChat();
        var messageId = await OpenMenuAsync(chat);

        await bot.PressAsync(chat, "b:c:a:ff5a36", messageId);

        await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("Accent: #ff5a36", StringComparison.Ordinal));
        await bot.WaitForAsync(chat, "sendPhoto", call => call.Caption?.Contains(Preview, StringComparison.Ordinal) == true);
        Assert.Equal("#ff5a36", (await Kit(chat)).AccentColor);
    }

    [Fact]
    public async Task FontChoice_OffersOnlyCuratedFontsAndSavesThePick()
    {
        var chat = BotFixture.NewChat();
        var messageId = await OpenMenuAsync(chat);

        await bot.PressAsync(chat, "b:f:h", messageId);
        var picker = await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("font for headings", StringComparison.Ordinal));
        var offered = picker.Buttons.Select(b => b.CallbackData).Where(d => d!.StartsWith("b:f:h:", StringComparison.Ordinal) && d != "b:f:h:-").ToArray();
        Assert.Equal(BrandFonts.Offered.Select(f => "b:f:h:" + f.Id), offered);

        await bot.PressAsync(chat, "b:f:h:serif", messageId);

        await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("Headings: DejaVu Serif", StringComparison.Ordinal));
        await bot.WaitForAsync(chat, "sendPhoto", call => call.Caption?.Contains(Preview, StringComparison.Ordinal) == true);
        Assert.Equal("serif", (await Kit(chat)).HeadingFont);
    }

    [Fact]
    public async Task FontChoice_NotOffered_IsRefusedAndChangesNothing()
    {
        var chat = BotFixture.NewChat();
        var messageId = await OpenMenuAsync(chat);

        await bot.PressAsync(chat, "b:f:b:comic", messageId);

        await bot.StandIn.WaitForCallAsync(call => call.Method == "answerCallbackQuery" && call.Parameters.GetValueOrDefault("text")?.Contains("not offered", StringComparison.Ordinal) == true, BotFixture.Timeout);
        Assert.Equal(BrandKit.Empty, await Kit(chat));
    }

    [Fact]
    public async Task Toggles_Pressed_FlipTheSwitches()
    {
        var chat = BotFixture.NewChat();
        var messageId = await OpenMenuAsync(chat);

        await bot.PressAsync(chat, "b:t:p", messageId);
        await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("Page numbers: hidden", StringComparison.Ordinal));
        await bot.PressAsync(chat, "b:t:h", messageId);
        await bot.WaitForAsync(chat, "editMessageText", call => call.Buttons.Any(b => b.CallbackData == "b:t:h" && b.Text.StartsWith("▫️", StringComparison.Ordinal)));

        var kit = await Kit(chat);
        Assert.False(kit.ShowPageNumbers);
        Assert.False(kit.ShowHandle);
        Assert.True(kit.ShowName);
        await bot.StandIn.WaitForCallsAsync(calls => calls.Count(c => c.Method == "sendPhoto" && c.ChatId == chat.ChatId) >= 2, BotFixture.Timeout);
    }

    [Fact]
    public async Task NameAndHandle_Typed_AreSaved()
    {
        var chat = BotFixture.NewChat();
        var messageId = await OpenMenuAsync(chat);

        await bot.PressAsync(chat, "b:n", messageId);
        await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("name to show", StringComparison.Ordinal));
        await bot.SayAsync(chat, "Anna Petrova");
        await bot.WaitForMessageAsync(chat, "Name: Anna Petrova");
        await bot.PressAsync(chat, "b:h", messageId);
        await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("handle to show", StringComparison.Ordinal));
        await bot.SayAsync(chat, "@anna");
        await bot.WaitForMessageAsync(chat, "Handle: @anna");

        var kit = await Kit(chat);
        Assert.Equal(("Anna Petrova", "@anna"), (kit.DisplayName, kit.Handle));
    }

    [Fact]
    public async Task Logo_AsPhoto_IsDownloadedDownscaledAndStored()
    {
        var chat = BotFixture.NewChat();
        await AskForLogoAsync(chat);
        var jpeg = Image(800, 600, SKEncodedImageFormat.Jpeg);
        var fileId = bot.StandIn.AddFile(jpeg, "jpg");

        await bot.Host.SendAsync(BotApiUpdates.PhotoFile(chat.ChatId, chat.UserId, fileId, 800, 600, jpeg.Length, BotFixture.NextUpdateId(), BotFixture.NextUpdateId()));

        await bot.WaitForMessageAsync(chat, "Logo saved");
        await bot.WaitForAsync(chat, "sendPhoto", call => call.Caption?.Contains(Preview, StringComparison.Ordinal) == true);
        Assert.Contains(bot.StandIn.CallsTo("getFile"), call => call.Parameters.GetValueOrDefault("file_id") == fileId && call.StatusCode == 200);
        Assert.Contains(bot.StandIn.CallsTo(BotApiStandInServer.DownloadMethod), call => call.StatusCode == 200);
        var kit = await Kit(chat);
        var stored = await bot.Host.Grains.GetGrain<IBrandImageGrain>(kit.LogoHash!).Get();
        Assert.Equal((256, 192), PngSize(stored!));
        Assert.Equal(SessionAwaiting.None, (await Session(chat)).Awaiting);
    }

    [Fact]
    public async Task Logo_AsDocument_IsStoredFromTheUnalteredFile()
    {
        var chat = BotFixture.NewChat();
        await AskForLogoAsync(chat);
        var png = Image(120, 120, SKEncodedImageFormat.Png);
        var fileId = bot.StandIn.AddFile(png, "png");

        await bot.Host.SendAsync(BotApiUpdates.DocumentFile(chat.ChatId, chat.UserId, fileId, "logo.png", "image/png", png.Length, BotFixture.NextUpdateId(), BotFixture.NextUpdateId()));

        await bot.WaitForMessageAsync(chat, "Logo saved");
        Assert.Equal(LogoImages.Prepare(png).Hash, (await Kit(chat)).LogoHash);
        await bot.WaitForAsync(chat, "sendPhoto", call => call.Caption?.Contains(Preview, StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("text", "couldn't read that as an image", true)]
    [InlineData("svg", "SVG files aren't supported", false)]
    [InlineData("huge-file", "larger than 20 MB", false)]
    [InlineData("huge-pixels", "10000×10000 pixels", true)]
    public async Task Logo_BadUpload_IsAnsweredAndChangesNothing(string kind, string answer, bool downloads)
    {
        var chat = BotFixture.NewChat();
        await bot.Host.Grains.GetGrain<IUserGrain>(chat.UserIdText).UpdateBrandKit(new BrandKit(DisplayName: "Before"));
        await AskForLogoAsync(chat);
        var (bytes, name, mime, declared) = kind switch
        {
            "text" => ("just some notes"u8.ToArray(), "notes.txt", "text/plain", (long?)null),
            "svg" => ("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), "logo.svg", "image/svg+xml", null),
            "huge-file" => (Image(10, 10, SKEncodedImageFormat.Png), "logo.png", "image/png", 25L * 1024 * 1024),
            _ => (TestPictures.HeaderOnly(10_000, 10_000), "logo.png", "image/png", null),
        };
        var fileId = bot.StandIn.AddFile(bytes, Path.GetExtension(name).TrimStart('.'), declared);

        await bot.Host.SendAsync(BotApiUpdates.DocumentFile(chat.ChatId, chat.UserId, fileId, name, mime, declared ?? bytes.Length, BotFixture.NextUpdateId(), BotFixture.NextUpdateId()));

        await bot.WaitForMessageAsync(chat, answer);
        Assert.Equal(new BrandKit(DisplayName: "Before"), await Kit(chat));
        Assert.Equal(SessionAwaiting.BrandLogo, (await Session(chat)).Awaiting);
        Assert.Equal(downloads, bot.StandIn.CallsTo("getFile").Any(call => call.Parameters.GetValueOrDefault("file_id") == fileId));
        Assert.Empty(bot.CallsTo(chat, "sendPhoto"));
    }

    [Fact]
    public async Task Logo_TextInsteadOfImage_AsksAgain()
    {
        var chat = BotFixture.NewChat();
        await AskForLogoAsync(chat);

        await bot.SayAsync(chat, "here it is");

        await bot.WaitForMessageAsync(chat, "waiting for your logo");
        Assert.Equal(SessionAwaiting.BrandLogo, (await Session(chat)).Awaiting);
    }

    [Fact]
    public async Task BrandCommand_IsRegisteredWithSetMyCommands()
    {
        var call = await bot.StandIn.WaitForCallAsync(c => c.Method == "setMyCommands" && c.StatusCode == 200 && c.Parameters.GetValueOrDefault("language_code") == "ru", BotFixture.Timeout);

        Assert.Contains(call.JsonParameter("commands")!.AsArray(), c => c!["command"]!.GetValue<string>() == "brand");
    }

    [Fact]
    public async Task Carousel_AfterBrandKit_EverySlideHasTheBrandBackgroundAndLogo()
    {
        var chat = BotFixture.NewChat();
        var logo = LogoImages.Prepare(Image(64, 64, SKEncodedImageFormat.Png));
        await bot.Host.Grains.GetGrain<IBrandImageGrain>(logo.Hash).Store(logo.Png);
        await bot.Host.Grains.GetGrain<IUserGrain>(chat.UserIdText).UpdateBrandKit(new BrandKit(BackgroundColor: "#203040", LogoHash: logo.Hash, Handle: "@anna"));

        await bot.MakeCarouselAsync(chat, "Branded carousel about morning routines");

        var album = Assert.Single(bot.CallsTo(chat, "sendMediaGroup"));
        Assert.Equal(3, album.Files.Count);
        foreach (var file in album.Files)
        {
            using var slide = SKBitmap.Decode(file.Content);
            Assert.Equal(new SKColor(0x20, 0x30, 0x40), slide.GetPixel(3, 3));
            var footerLogo = slide.GetPixel(100, 1350 - 100);
            Assert.True(footerLogo.Red > 200 && footerLogo.Green < 120 && footerLogo.Blue < 60, $"no logo in the footer: {footerLogo}");
        }
    }

    private async Task<long> OpenMenuAsync(TestChat chat)
    {
        await bot.SayAsync(chat, "/brand");
        return (await bot.WaitForMessageAsync(chat, "Your brand kit")).MessageId!.Value;
    }

    private async Task AskForLogoAsync(TestChat chat)
    {
        var messageId = await OpenMenuAsync(chat);
        await bot.PressAsync(chat, "b:l", messageId);
        await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("Send me your logo", StringComparison.Ordinal));
        Assert.Equal(SessionAwaiting.BrandLogo, (await Session(chat)).Awaiting);
    }

    private Task<BrandKit> Kit(TestChat chat) => bot.Host.Grains.GetGrain<IUserGrain>(chat.UserIdText).GetBrandKit();

    private Task<SessionSnapshot> Session(TestChat chat) =>
        bot.Host.Grains.GetGrain<ISessionGrain>(chat.UserIdText).GetSnapshot();

    private static byte[] Image(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.OrangeRed);
        using var data = bitmap.Encode(format, 90)!;
        return data.ToArray();
    }

    private static (int Width, int Height) PngSize(byte[] png) =>
        (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
}
