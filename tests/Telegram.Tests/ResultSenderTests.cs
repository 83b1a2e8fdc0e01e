using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot.Exceptions;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Grains.Telegram.Delivery;
using VibeCoder.Grains.Telegram.Texts;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests;

/// <summary>The result sender against the stand-in alone: album planning, long captions, and resuming after a failure.</summary>
public sealed class ResultSenderTests : IAsyncLifetime
{
    private BotApiStandInServer _standIn = null!;
    private ServiceProvider _services = null!;

    private CarouselResultSender Sender => _services.GetRequiredService<CarouselResultSender>();

    public async Task InitializeAsync()
    {
        _standIn = await BotApiStandInServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(GatewayHost.Settings(_standIn, "unused.db")).Build();
        _services = new ServiceCollection()
            .AddTelegramBotClient(configuration)
            .AddSingleton<BotReplies>()
            .AddSingleton<CarouselResultSender>()
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _standIn.DisposeAsync();
    }

    [Fact]
    public async Task Send_FailsAfterTheAlbum_RetrySendsOnlyWhatIsMissing()
    {
        var job = Job(slides: 11, caption: "Short caption.");
        var sent = DeliveredParts.InMemory();
        _standIn.InjectFailures("sendMessage", 4, BotApiFailure.ServerError()); // every attempt of the buttons message

        await Assert.ThrowsAsync<ApiRequestException>(() => Sender.SendAsync(7, job, Slides(11), BotTexts.For("en"), sent, CancellationToken.None));
        await Sender.SendAsync(7, job, Slides(11), BotTexts.For("en"), sent, CancellationToken.None);

        var albums = _standIn.CallsTo("sendMediaGroup").Where(call => call.StatusCode == 200).ToArray();
        Assert.Equal([6, 5], albums.Select(a => a.PhotoCount));
        Assert.Single(_standIn.CallsTo("sendMessage"), call => call.StatusCode == 200);
        Assert.Equal(["album:0", "album:1", "buttons"], sent.Sent.Order());
    }

    [Fact]
    public async Task Send_CaptionOver1024Characters_GoesAsItsOwnMessageWithTheHashtags()
    {
        var caption = string.Join(' ', Enumerable.Repeat("A sentence of a long caption.", 50));
        var job = Job(slides: 3, caption: caption);

        await Sender.SendAsync(7, job, Slides(3), BotTexts.For("en"), DeliveredParts.InMemory(), CancellationToken.None);

        var album = Assert.Single(_standIn.CallsTo("sendMediaGroup"));
        Assert.Null(album.Caption);
        var texts = _standIn.CallsTo("sendMessage").Select(call => call.Text!).ToArray();
        Assert.Equal(caption, texts[0]);
        Assert.Equal("#one #two", texts[1]);
        Assert.StartsWith("Here is «Title»", texts[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_CaptionThatFits_RidesOnTheFirstPhotoWithHashtags()
    {
        var job = Job(slides: 3, caption: "Fits easily.");

        await Sender.SendAsync(7, job, Slides(3), BotTexts.For("ru"), DeliveredParts.InMemory(), CancellationToken.None);

        Assert.Equal("Fits easily.\n\n#one #two", Assert.Single(_standIn.CallsTo("sendMediaGroup")).Caption);
        var buttons = Assert.Single(_standIn.CallsTo("sendMessage"));
        Assert.Contains("Что дальше", buttons.Text, StringComparison.Ordinal);
        Assert.Equal(5, buttons.Buttons.Count);
    }

    [Fact]
    public async Task Send_TwentySlides_TwoAlbumsOfTenWithDistinctFileNames()
    {
        var job = Job(slides: 20, caption: "Twenty.");

        await Sender.SendAsync(7, job, Slides(20), BotTexts.For("en"), DeliveredParts.InMemory(), CancellationToken.None);

        var albums = _standIn.CallsTo("sendMediaGroup");
        Assert.Equal([10, 10], albums.Select(album => album.PhotoCount));
        Assert.All(albums, album => Assert.Equal(10, album.Files.Select(file => file.FileName).Distinct().Count()));
        Assert.Equal("slide-11.png", albums[1].Files.Select(file => file.FileName).Order().First());
        Assert.Equal("Twenty.\n\n#one #two", albums[0].Caption);
    }

    [Fact]
    public async Task Send_CaptionWithHtmlCharacters_IsEscapedAndArrivesAsWritten()
    {
        var caption = "Tips & tricks: <b> is not bold here, 2 < 3 > 1.";
        var job = Job(slides: 2, caption: caption);

        await Sender.SendAsync(7, job, Slides(2), BotTexts.For("en"), DeliveredParts.InMemory(), CancellationToken.None);

        var album = Assert.Single(_standIn.CallsTo("sendMediaGroup"));
        Assert.Equal(caption + "\n\n#one #two", album.Caption);
        var item = album.JsonParameter("media")![0]!;
        Assert.Equal("Html", item["parse_mode"]!.GetValue<string>());
        Assert.StartsWith("Tips &amp; tricks: &lt;b&gt; is not bold here, 2 &lt; 3 &gt; 1.", item["caption"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_CaptionOf1024VisibleCharactersWithEscapes_StillRidesOnThePhoto()
    {
        // 1,024 characters as the user sees them, far more once escaped: Telegram counts after parsing, and so do we.
        var caption = new string('&', 1024 - "\n\n#one #two".Length);
        var job = Job(slides: 2, caption: caption);

        await Sender.SendAsync(7, job, Slides(2), BotTexts.For("en"), DeliveredParts.InMemory(), CancellationToken.None);

        Assert.Equal(1024, Assert.Single(_standIn.CallsTo("sendMediaGroup")).Caption!.Length);
        Assert.DoesNotContain(_standIn.CallsTo("sendMessage"), call => call.Text == caption);
    }

    [Fact]
    public async Task Send_SingleSlide_GoesAsAPhotoNotAnAlbum()
    {
        var job = Job(slides: 1, caption: "Alone.");

        await Sender.SendAsync(7, job, Slides(1), BotTexts.For("en"), DeliveredParts.InMemory(), CancellationToken.None);

        Assert.Empty(_standIn.CallsTo("sendMediaGroup"));
        var photo = Assert.Single(_standIn.CallsTo("sendPhoto"));
        Assert.Equal("slide-01.png", Assert.Single(photo.Files).FileName);
        Assert.Equal("Alone.\n\n#one #two", photo.Caption);
    }

    [Fact]
    public async Task Send_ButtonsMessage_GoesAsChunkedJsonWithTheInlineKeyboard()
    {
        var job = Job(slides: 2, caption: "Keyboard.");

        await Sender.SendAsync(7, job, Slides(2), BotTexts.For("en"), DeliveredParts.InMemory(), CancellationToken.None);

        var buttons = Assert.Single(_standIn.CallsTo("sendMessage"));
        Assert.Equal("json", buttons.BodyKind);
        Assert.True(buttons.Chunked);
        Assert.Equal(5, buttons.Buttons.Count);
    }

    [Fact]
    public async Task Send_StopsAfterTheSecondAlbumWentOut_ResumedRecordKeepsTheFirstAndTheResentSecond()
    {
        var job = Job(slides: 20, caption: "Twenty.");
        var persisted = new List<string>();
        var failed = false;
        TelegramAlbum? stored = null;
        Task Save(string part)
        {
            // The process dies after Telegram took the second album and before that was stored.
            if (part == "album:1" && !failed)
            {
                failed = true;
                throw new IOException("storage went away");
            }

            persisted.Add(part);
            return Task.CompletedTask;
        }

        Task Record(TelegramAlbum album)
        {
            stored = album;
            return Task.CompletedTask;
        }

        await Assert.ThrowsAsync<IOException>(() => Sender.SendAsync(7, job, Slides(20), BotTexts.For("en"), new DeliveredParts([], Save), Record, CancellationToken.None));
        Assert.Equal(20, stored!.Messages.Count);
        await Sender.SendAsync(7, job with { TelegramAlbum = stored }, Slides(20), BotTexts.For("en"), new DeliveredParts(persisted, Save), Record, CancellationToken.None);

        var albums = _standIn.CallsTo("sendMediaGroup").Select(call => JsonNode.Parse(call.Result!)!.AsArray().Select(m => m!["message_id"]!.GetValue<int>()).ToArray()).ToArray();
        Assert.Equal(3, albums.Length);
        Assert.Equal(albums[0].Concat(albums[2]), stored.Messages.Select(m => m.MessageId));
        Assert.Equal(job.Slides.Select(s => s.ImageKey), stored.Messages.Select(m => m.ImageKey));
        Assert.Equal(7, stored.ChatId);
    }

    private static CarouselJobSnapshot Job(int slides, string caption)
    {
        var content = new CarouselContent(
            "Title",
            Enumerable.Range(1, slides).Select(i => new SlideContent(SlideKind.Content, $"Heading {i}", "Body")).ToArray(),
            caption,
            ["#one", "#two"],
            "en");
        var request = new CarouselRequest("topic", slides, "en", new RenderOptions("midnight", SlideSize.Portrait, null, null), "7", new DeliveryTarget(7, null, "en"));
        var now = DateTimeOffset.UtcNow;
        return new CarouselJobSnapshot(new string('a', 32), JobStatus.Delivering, request, content, WorkflowStep.Deliver, slides, null, now, now, null);
    }

    // Tiny valid PNG headers are enough: the stand-in checks size and presence, not pixels.
    private static IReadOnlyList<byte[]> Slides(int count) =>
        Enumerable.Range(0, count).Select(i => new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, (byte)i }).ToArray();
}
