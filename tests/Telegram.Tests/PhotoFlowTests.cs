using SkiaSharp;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Sessions;
using VibeCoder.Grains.Users;
using VibeCoder.Rendering.Images;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;
using VibeCoder.TestServers.Images;

namespace VibeCoder.Telegram.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class PhotoFlowTests(BotFixture bot)
{
    private const string Saved = "Photo saved";
    private static readonly Lazy<byte[]> Halves = new(() => TestPictures.Halves(2000, 1000));

    [Fact]
    public async Task Photo_WithoutCaption_IsStoredAndOffersTheFocalKeyboard()
    {
        var chat = BotFixture.NewChat();

        var menu = await SendPhotoAsync(chat);

        var hash = BackgroundPhotos.Prepare(Halves.Value).Hash;
        var tag = hash[..8];
        string[] expected =
        [
            $"p:f:00:{tag}", $"p:f:10:{tag}", $"p:f:20:{tag}",
            $"p:f:01:{tag}", $"p:f:11:{tag}", $"p:f:21:{tag}",
            $"p:f:02:{tag}", $"p:f:12:{tag}", $"p:f:22:{tag}",
            $"p:a:{tag}", $"p:x:{tag}",
        ];
        Assert.Equal(expected, menu.Buttons.Select(b => b.CallbackData).ToArray());
        Assert.Equal("🎯", menu.Buttons.Single(b => b.CallbackData == $"p:f:11:{tag}").Text);
        Assert.Contains("Keep in view: centre", menu.Caption, StringComparison.Ordinal);
        using (var preview = SKBitmap.Decode(Assert.Single(menu.Files).Content))
        {
            Assert.True(IsReddish(preview.GetPixel(300, 30)) && IsBluish(preview.GetPixel(780, 30)), "the preview shows the centred crop");
        }

        Assert.Equal(new SlideBackground(hash), (await Session(chat)).PendingBackground);
        Assert.Equal(BackgroundPhotos.Prepare(Halves.Value).Jpeg, await bot.Host.Grains.GetGrain<IBackgroundPhotoGrain>(hash).Get());
        Assert.Empty(bot.CallsTo(chat, "sendMediaGroup"));
    }

    [Fact]
    public async Task FocusAndAllSlides_ThenTopic_EverySlideShowsTheChosenPart()
    {
        var chat = BotFixture.NewChat();
        var menu = await SendPhotoAsync(chat);
        var tag = Tag(menu);

        await bot.PressAsync(chat, $"p:f:01:{tag}", menu.MessageId!.Value);
        var left = await bot.WaitForAsync(chat, "editMessageMedia", call => call.Caption!.Contains("Keep in view: left", StringComparison.Ordinal));
        using (var preview = SKBitmap.Decode(Assert.Single(left.Files).Content))
        {
            Assert.True(IsReddish(preview.GetPixel(780, 30)), "the preview shows the left (red) half after the choice");
        }

        await bot.PressAsync(chat, $"p:a:{tag}", menu.MessageId!.Value);
        await bot.WaitForAsync(chat, "editMessageMedia", call => call.Caption!.Contains("Shown on: every slide", StringComparison.Ordinal)
            && call.Buttons.Any(b => b.Text.StartsWith("✅", StringComparison.Ordinal)));
        var (jobId, _) = await bot.MakeCarouselAsync(chat, "Morning routines with my own photo");

        var album = Assert.Single(bot.CallsTo(chat, "sendMediaGroup"));
        foreach (var file in album.Files)
        {
            using var slide = SKBitmap.Decode(file.Content);
            Assert.True(IsReddish(slide.GetPixel(540, 30)), $"{file.FileName}: {slide.GetPixel(540, 30)}");
        }

        var background = (await bot.Host.Grains.GetGrain<ICarouselJobGrain>(jobId).Get())!.Request.Design.Background!;
        Assert.Equal((1.0 / 6, 0.5, true), (background.FocusX, background.FocusY, background.AllSlides));
        Assert.Null((await Session(chat)).PendingBackground); // used up by this carousel
    }

    [Fact]
    public async Task Photo_WithCaption_StartsACarouselWithThePhotoCentredOnTheCoverOnly()
    {
        var chat = BotFixture.NewChat();
        await bot.SetSettingsAsync(chat, new UserSettings(SlideCount: 3));
        var fileId = bot.StandIn.AddFile(Halves.Value, "jpg");
        var update = BotApiUpdates.PhotoFile(chat.ChatId, chat.UserId, fileId, 2000, 1000, Halves.Value.Length, BotFixture.NextUpdateId(), BotFixture.NextUpdateId());
        update["message"]!["caption"] = "Weekend hiking for beginners";

        await bot.Host.SendAsync(update);

        await bot.WaitForMessageAsync(chat, "cover background");
        var jobId = CarouselSteps.JobOf(await CarouselSteps.WaitForResultAsync(bot, chat));
        var album = Assert.Single(bot.CallsTo(chat, "sendMediaGroup"));
        using var cover = SKBitmap.Decode(album.Files[0].Content);
        using var second = SKBitmap.Decode(album.Files[1].Content);
        Assert.True(IsReddish(cover.GetPixel(300, 30)) && IsBluish(cover.GetPixel(780, 30)), "the centred crop shows both halves");
        Assert.False(IsReddish(second.GetPixel(300, 30)), "slide 2 keeps the theme");
        var job = await bot.Host.Grains.GetGrain<ICarouselJobGrain>(jobId).Get();
        Assert.Equal("Weekend hiking for beginners", job!.Request.Topic);
        Assert.Equal(new SlideBackground(BackgroundPhotos.Prepare(Halves.Value).Hash), job.Request.Design.Background);
    }

    [Theory]
    [InlineData("text", "couldn't read that as an image", true)]
    [InlineData("svg", "SVG files aren't supported", false)]
    [InlineData("huge-file", "larger than 20 MB", false)]
    [InlineData("huge-pixels", "10000×10000 pixels", true)]
    public async Task BadUpload_IsAnsweredAndKeepsThePhotoBefore(string kind, string answer, bool downloads)
    {
        var chat = BotFixture.NewChat();
        await SendPhotoAsync(chat);
        var before = (await Session(chat)).PendingBackground;
        var (bytes, name, mime, declared) = kind switch
        {
            "text" => ("just some notes"u8.ToArray(), "photo.png", "image/png", (long?)null),
            "svg" => ("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), "photo.svg", "image/svg+xml", null),
            "huge-file" => (Halves.Value, "photo.jpg", "image/jpeg", 25L * 1024 * 1024),
            _ => (TestPictures.HeaderOnly(10_000, 10_000), "photo.png", "image/png", null),
        };
        var fileId = bot.StandIn.AddFile(bytes, Path.GetExtension(name).TrimStart('.'), declared);

        await bot.Host.SendAsync(BotApiUpdates.DocumentFile(chat.ChatId, chat.UserId, fileId, name, mime, declared ?? bytes.Length, BotFixture.NextUpdateId(), BotFixture.NextUpdateId()));

        await bot.WaitForMessageAsync(chat, answer);
        Assert.Equal(before, (await Session(chat)).PendingBackground);
        Assert.Equal(downloads, bot.StandIn.CallsTo("getFile").Any(call => call.Parameters.GetValueOrDefault("file_id") == fileId));
        Assert.Single(bot.CallsTo(chat, "sendPhoto"), call => call.Caption!.Contains(Saved, StringComparison.Ordinal));
        Assert.Empty(bot.CallsTo(chat, "sendMediaGroup"));
    }

    [Fact]
    public async Task Photo_TelegramRefusesThePreview_MenuComesAsTextAndStillWorks()
    {
        var chat = BotFixture.NewChat();
        bot.StandIn.InjectChatFailures(chat.ChatId, "sendPhoto", 10, BotApiFailure.ServerError(503));
        var fileId = bot.StandIn.AddFile(Halves.Value, "jpg");
        await bot.Host.SendAsync(BotApiUpdates.PhotoFile(chat.ChatId, chat.UserId, fileId, 2000, 1000, Halves.Value.Length, BotFixture.NextUpdateId(), BotFixture.NextUpdateId()));

        var menu = await bot.WaitForMessageAsync(chat, Saved);
        await bot.PressAsync(chat, $"p:f:21:{Tag(menu)}", menu.MessageId!.Value);

        await bot.WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("Keep in view: right", StringComparison.Ordinal));
        Assert.Equal((5.0 / 6, 0.5), ((await Session(chat)).PendingBackground!.FocusX, (await Session(chat)).PendingBackground!.FocusY));
    }

    [Fact]
    public async Task ButtonOfAnOlderPhoto_IsAnsweredAndChangesNothing()
    {
        var chat = BotFixture.NewChat();
        var menu = await SendPhotoAsync(chat);
        var before = (await Session(chat)).PendingBackground;

        await bot.PressAsync(chat, "p:f:00:deadbeef", menu.MessageId!.Value);

        await bot.StandIn.WaitForCallAsync(call => call.Method == "answerCallbackQuery" && call.Parameters.GetValueOrDefault("text")?.Contains("already used", StringComparison.Ordinal) == true, BotFixture.Timeout);
        Assert.Equal(before, (await Session(chat)).PendingBackground);
    }

    [Fact]
    public async Task Remove_DropsThePendingPhoto()
    {
        var chat = BotFixture.NewChat();
        var menu = await SendPhotoAsync(chat);

        await bot.PressAsync(chat, $"p:x:{Tag(menu)}", menu.MessageId!.Value);

        await bot.WaitForMessageAsync(chat, "Photo removed");
        Assert.Single(bot.CallsTo(chat, "deleteMessage"), call => call.MessageId == menu.MessageId);
        Assert.Null((await Session(chat)).PendingBackground);
    }

    [Fact]
    public async Task Cancel_NothingRunning_DropsThePendingPhoto()
    {
        var chat = BotFixture.NewChat();
        await SendPhotoAsync(chat);

        await bot.SayAsync(chat, "/cancel");

        await bot.WaitForMessageAsync(chat, "Photo removed");
        Assert.Null((await Session(chat)).PendingBackground);
    }

    [Fact]
    public async Task Photo_RussianUser_IsAnsweredInRussian()
    {
        var chat = BotFixture.NewChat("ru");
        var fileId = bot.StandIn.AddFile(Halves.Value, "jpg");
        var update = BotApiUpdates.PhotoFile(chat.ChatId, chat.UserId, fileId, 2000, 1000, Halves.Value.Length, BotFixture.NextUpdateId(), BotFixture.NextUpdateId());
        update["message"]!["from"]!["language_code"] = "ru";

        await bot.Host.SendAsync(update);

        var menu = await bot.WaitForAsync(chat, "sendPhoto", call => call.Caption?.Contains("Фото сохранено", StringComparison.Ordinal) == true);
        Assert.Contains(menu.Buttons, b => b.Text.Contains("На всех слайдах", StringComparison.Ordinal));
    }

    private async Task<BotApiCall> SendPhotoAsync(TestChat chat)
    {
        var fileId = bot.StandIn.AddFile(Halves.Value, "jpg");
        await bot.Host.SendAsync(BotApiUpdates.PhotoFile(chat.ChatId, chat.UserId, fileId, 2000, 1000, Halves.Value.Length, BotFixture.NextUpdateId(), BotFixture.NextUpdateId()));
        return await bot.WaitForAsync(chat, "sendPhoto", call => call.Caption?.Contains(Saved, StringComparison.Ordinal) == true);
    }

    private static string Tag(BotApiCall menu) => menu.Buttons.First().CallbackData!.Split(':')[^1];

    private Task<SessionSnapshot> Session(TestChat chat) => bot.Host.Grains.GetGrain<ISessionGrain>(chat.UserIdText).GetSnapshot();

    private static bool IsReddish(SKColor p) => p.Red > 60 && p.Red > 2 * p.Blue;

    private static bool IsBluish(SKColor p) => p.Blue > 60 && p.Blue > 2 * p.Red;
}
