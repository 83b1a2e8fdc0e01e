using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Users;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests;

/// <summary>Slide edits across a restart of the whole process: the session's question and the album's sync are durable.</summary>
public sealed class SlideEditRestartTests : OwnHostTestBase
{
    [Fact]
    public async Task NewText_HostRestartsBetweenQuestionAndAnswer_TheTypedWordsAreApplied()
    {
        var settings = GatewayHost.Settings(StandIn, GatewayHost.NewDatabasePath(Folder));
        var chat = BotFixture.NewChat();
        var first = GatewayHost.Start(settings);
        var (jobId, result) = await MakeCarouselAsync(first, chat);
        var photos = EditSteps.AlbumMessageIds(StandIn, chat.ChatId);
        await first.SendAsync(chat.Press("j:e:" + jobId, result.MessageId!.Value));
        var editor = await WaitForAsync(chat, "sendMessage", call => call.Buttons.Any(b => b.CallbackData == "e:d:" + jobId));
        await first.SendAsync(chat.Press($"e:t:2:0:{jobId}", editor.MessageId!.Value));
        await WaitForAsync(chat, "editMessageText", call => call.Text!.Contains("Send the new text of slide 2", StringComparison.Ordinal));
        await first.DisposeAsync();

        // A new process knows nothing in memory: which slide the words are for comes from the stored session.
        await using var second = GatewayHost.Start(settings);
        await second.SendAsync(chat.Text("Words typed after the restart\nThey land on slide two."));

        await WaitForAsync(chat, "sendMessage", call => call.Text!.Contains("Slide 2 updated", StringComparison.Ordinal));
        var edit = await WaitForAsync(chat, "editMessageMedia");
        Assert.Equal(photos[1], edit.MessageId);
        var job = await second.Grains.GetGrain<ICarouselJobGrain>(jobId).Get();
        Assert.Equal(("Words typed after the restart", 1), (job!.Slides[1].Heading, job.Revision));
        Assert.Single(StandIn.CallsTo("sendMediaGroup"), call => call.ChatId == chat.ChatId);
    }

    [Fact]
    public async Task AlbumSync_TelegramDownWhenTheHostStops_ThePhotoIsReplacedAfterTheRestart()
    {
        var settings = GatewayHost.Settings(StandIn, GatewayHost.NewDatabasePath(Folder));
        var chat = BotFixture.NewChat();
        var first = GatewayHost.Start(settings);
        var (jobId, _) = await MakeCarouselAsync(first, chat);
        var photos = EditSteps.AlbumMessageIds(StandIn, chat.ChatId);
        StandIn.InjectChatFailures(chat.ChatId, "editMessageMedia", 10_000, BotApiFailure.ServerError(503));

        var edited = await first.Grains.GetGrain<ICarouselJobGrain>(jobId).EditSlide(SlideEdit.Text(3, "Edited while Telegram was down", null), 0);
        Assert.True(edited.Applied);

        // Two passes failed: the first one's retry (and its durable reminder) was arranged before the second began.
        await StandIn.WaitForCallsAsync(calls => calls.Count(c => c.Method == "editMessageMedia" && c.ChatId == chat.ChatId) > 4 + 1, BotFixture.Timeout);
        await first.DisposeAsync();
        StandIn.ClearFailures();

        await using var second = GatewayHost.Start(settings);
        var edit = await WaitForAsync(chat, "editMessageMedia");
        Assert.Equal(photos[2], edit.MessageId);
        Assert.Single(StandIn.CallsTo("sendMediaGroup"), call => call.ChatId == chat.ChatId);
    }

    private async Task<(string JobId, BotApiCall Result)> MakeCarouselAsync(GatewayHost host, TestChat chat)
    {
        await host.Grains.GetGrain<IUserGrain>(chat.UserIdText).UpdateSettings(new UserSettings(SlideCount: 3));
        await host.SendAsync(chat.Text("Keeping a garden journal"));
        var result = await WaitForAsync(chat, "sendMessage", call => call.Buttons.Any(b => b.CallbackData?.StartsWith("j:e:", StringComparison.Ordinal) == true));
        var jobId = result.Buttons.First(b => b.CallbackData!.StartsWith("j:e:", StringComparison.Ordinal)).CallbackData!["j:e:".Length..];
        var job = host.Grains.GetGrain<ICarouselJobGrain>(jobId);
        var deadline = DateTime.UtcNow + BotFixture.Timeout;
        while ((await job.WaitUntilFinal(ICarouselJobGrain.MaxWait).WaitAsync(BotFixture.Timeout)) is not { IsFinal: true })
        {
            Assert.True(DateTime.UtcNow < deadline, $"Job {jobId} did not finish.");
        }

        return (jobId, result);
    }

    private Task<BotApiCall> WaitForAsync(TestChat chat, string method, Func<BotApiCall, bool>? match = null) =>
        StandIn.WaitForCallAsync(
            call => call.Method == method && call.ChatId == chat.ChatId && call.StatusCode == 200 && (match?.Invoke(call) ?? true), BotFixture.Timeout);
}
