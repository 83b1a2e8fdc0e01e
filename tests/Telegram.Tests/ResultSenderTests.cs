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
        var sent = new HashSet<string>();
        _standIn.InjectFailures("sendMessage", 4, BotApiFailure.ServerError()); // every attempt of the buttons message

        await Assert.ThrowsAsync<ApiRequestException>(() => Sender.SendAsync(7, job, Slides(11), BotTexts.For("en"), sent, CancellationToken.None));
        await Sender.SendAsync(7, job, Slides(11), BotTexts.For("en"), sent, CancellationToken.None);

        var albums = _standIn.CallsTo("sendMediaGroup").Where(call => call.StatusCode == 200).ToArray();
        Assert.Equal([6, 5], albums.Select(a => a.PhotoCount));
        Assert.Single(_standIn.CallsTo("sendMessage"), call => call.StatusCode == 200);
        Assert.Equal(["album:0", "album:1", "buttons"], sent.Order());
    }

    [Fact]
    public async Task Send_CaptionOver1024Characters_GoesAsItsOwnMessageWithTheHashtags()
    {
        var caption = string.Join(' ', Enumerable.Repeat("A sentence of a long caption.", 50));
        var job = Job(slides: 3, caption: caption);

        await Sender.SendAsync(7, job, Slides(3), BotTexts.For("en"), new HashSet<string>(), CancellationToken.None);

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

        await Sender.SendAsync(7, job, Slides(3), BotTexts.For("ru"), new HashSet<string>(), CancellationToken.None);

        Assert.Equal("Fits easily.\n\n#one #two", Assert.Single(_standIn.CallsTo("sendMediaGroup")).Caption);
        var buttons = Assert.Single(_standIn.CallsTo("sendMessage"));
        Assert.Contains("Что дальше", buttons.Text, StringComparison.Ordinal);
        Assert.Equal(4, buttons.Buttons.Count);
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
