using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Users;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.OpenAi;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests;

/// <summary>
/// The AI service is down while a carousel is written for a chat: the status message says once that it is delayed,
/// and when the service is back the album arrives, once.
/// </summary>
public sealed class LlmOutageTests : IClassFixture<OpenAiBotFixture>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static long _nextChat = 7_000_000;

    private readonly OpenAiBotFixture _fixture;

    public LlmOutageTests(OpenAiBotFixture fixture)
    {
        _fixture = fixture;
        _fixture.OpenAi.Reset();
    }

    private OpenAiStandInServer OpenAi => _fixture.OpenAi;

    private BotApiStandInServer StandIn => _fixture.StandIn;

    public void Dispose() => OpenAi.Outage = null; // a failed test must not leave the service down for the next one

    [Theory]
    [InlineData("en", "Habits of calm mornings", "The AI service is not answering right now")]
    [InlineData("ru", "Привычки спокойного утра", "Сервис ИИ сейчас не отвечает")]
    public async Task Topic_AiServiceDownThenHealed_StatusSaysDelayedOnceThenTheAlbumArrivesOnce(string language, string topic, string delayed)
    {
        var chat = new TestChat(Interlocked.Increment(ref _nextChat), language);
        await _fixture.Host.Grains.GetGrain<IUserGrain>(chat.UserIdText).UpdateSettings(new UserSettings(SlideCount: 3)).WaitAsync(Timeout);
        OpenAi.Outage = ScriptedChatResponse.Error(503, "Service unavailable.");
        OpenAi.WhenEmpty = CarouselAnswers.Valid(3);

        await _fixture.Host.SendAsync(chat.Text(topic));
        var notice = await StandIn.WaitForCallAsync(call => IsEditTo(call, chat) && call.Text!.Contains(delayed, StringComparison.Ordinal), Timeout);
        Assert.Contains(topic, notice.Text, StringComparison.Ordinal);

        // A further try during the outage (the breaker's break is 1 s) must not tell the user again.
        var seen = OpenAi.Requests.Count;
        await OpenAi.WaitForRequestsAsync(seen + 1, Timeout);
        OpenAi.Outage = null;
        var buttons = await StandIn.WaitForCallAsync(
            call => call.Method == "sendMessage" && call.ChatId == chat.ChatId && call.Buttons.Any(b => b.CallbackData?.StartsWith("j:z:", StringComparison.Ordinal) == true),
            Timeout);
        var jobId = CarouselSteps.JobOf(buttons);
        var job = await WaitForFinalAsync(jobId);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Null(job.Notice);
        var edits = StandIn.CallsTo("editMessageText").Where(call => IsEditTo(call, chat)).Select(call => call.Text!).ToArray();
        Assert.Single(edits, text => text.Contains(delayed, StringComparison.Ordinal));
        var album = Assert.Single(StandIn.CallsTo("sendMediaGroup"), call => call.ChatId == chat.ChatId && call.StatusCode == 200);
        Assert.Equal(3, album.PhotoCount);
        Assert.Single(OpenAi.Completed, request => request.Messages.Any(m => m.Content.Contains(topic, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Topic_JobFailsWhileTelegramIsDown_FailureNoticeArrivesOnceTelegramIsBack()
    {
        var chat = new TestChat(Interlocked.Increment(ref _nextChat), "en");
        await _fixture.Host.Grains.GetGrain<IUserGrain>(chat.UserIdText).UpdateSettings(new UserSettings(SlideCount: 3)).WaitAsync(Timeout);
        OpenAi.Enqueue(ScriptedChatResponse.Error(401, "Bad key.")); // final: the job fails at once
        StandIn.Outage = BotApiFailure.ServerError(503);
        try
        {
            await _fixture.Host.SendAsync(chat.Text("Habits of calm evenings"));

            // The status message queued by the turn, then the job's final notice queued by the workflow.
            await OutboxSteps.WaitForOutboxAsync(_fixture.Host.Grains, chat.ChatId, snapshot => snapshot.Pending.Count == 2);
        }
        finally
        {
            StandIn.Outage = null;
        }

        var notice = await StandIn.WaitForCallAsync(
            call => call.Method == "sendMessage" && call.ChatId == chat.ChatId && call.StatusCode == 200 && call.Text!.Contains("couldn't make this carousel", StringComparison.Ordinal),
            Timeout);
        Assert.Contains("credentials", notice.Text, StringComparison.Ordinal);
        await OutboxSteps.WaitForOutboxAsync(_fixture.Host.Grains, chat.ChatId, snapshot => snapshot.Pending.Count == 0);
        var delivered = OutboxSteps.DeliveredTexts(StandIn, chat.ChatId);
        Assert.Single(delivered, text => text.Contains("couldn't make this carousel", StringComparison.Ordinal));
    }

    private static bool IsEditTo(BotApiCall call, TestChat chat) =>
        call.Method == "editMessageText" && call.ChatId == chat.ChatId && call.StatusCode == 200;

    private async Task<CarouselJobSnapshot> WaitForFinalAsync(string jobId)
    {
        var job = _fixture.Host.Grains.GetGrain<ICarouselJobGrain>(jobId);
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            // Long-polls the job grain: each call returns when the job is final or after at most MaxWait.
            var snapshot = await job.WaitUntilFinal(ICarouselJobGrain.MaxWait).WaitAsync(Timeout);
            if (snapshot is { IsFinal: true })
            {
                return snapshot;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Job {jobId} is still {snapshot?.Status.ToString() ?? "missing"}.");
        }
    }
}
