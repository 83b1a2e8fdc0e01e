using System.Text;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Sessions;
using VibeCoder.Grains.Users;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class CarouselTests(BotFixture bot)
{
    [Fact]
    public async Task Topic_PlainMessage_StatusMessageAdvancesThenAlbumCaptionAndButtons()
    {
        var chat = BotFixture.NewChat();

        var (jobId, buttons) = await bot.MakeCarouselAsync(chat, "Five habits of productive developers");

        var status = bot.CallsTo(chat, "sendMessage").First(call => call.Text!.Contains("starting", StringComparison.Ordinal));
        var edits = bot.CallsTo(chat, "editMessageText").Where(call => call.MessageId == status.MessageId).Select(call => call.Text!).ToArray();
        Assert.Contains(edits, text => text.Contains("Writing the slides", StringComparison.Ordinal));
        Assert.Contains(edits, text => text.Contains("Drawing slides 0/3", StringComparison.Ordinal));
        Assert.Contains(edits, text => text.Contains("Sending", StringComparison.Ordinal));
        await bot.WaitForAsync(chat, "editMessageText", call => call.MessageId == status.MessageId && call.Text!.StartsWith("✅ Done", StringComparison.Ordinal));
        Assert.Contains(bot.CallsTo(chat, "sendChatAction"), call => call.Parameters.GetValueOrDefault("action") == "upload_photo");

        var album = Assert.Single(bot.CallsTo(chat, "sendMediaGroup"));
        Assert.Equal(3, album.PhotoCount);
        Assert.Equal("multipart", album.BodyKind);
        Assert.Equal(["slide-01.png", "slide-02.png", "slide-03.png"], album.Files.Select(file => file.FileName).Order());
        Assert.All(album.Files, file => Assert.Equal((byte)'P', file.Content[1]));
        Assert.Equal("Html", album.JsonParameter("media")![0]!["parse_mode"]!.GetValue<string>());
        var job = await bot.Host.Grains.GetGrain<ICarouselJobGrain>(jobId).Get();
        Assert.Equal(JobStatus.Completed, job!.Status);
        Assert.Contains(job.Content!.Caption.Trim()[..20], album.Caption, StringComparison.Ordinal);
        Assert.Contains(job.Content.Hashtags[0], album.Caption, StringComparison.Ordinal);

        Assert.Equal(["j:r:" + jobId, "j:t:" + jobId, "j:z:" + jobId, "j:p:" + jobId, "j:e:" + jobId], buttons.Buttons.Select(b => b.CallbackData));
        Assert.All(buttons.Buttons, b => Assert.True(Encoding.UTF8.GetByteCount(b.CallbackData!) <= 64));
        Assert.Equal(chat.UserIdText, job.Request.UserId);
    }

    [Fact]
    public async Task Carousel_TwentySlides_IsSentAsTwoAlbumsOfTen()
    {
        var chat = BotFixture.NewChat();
        await bot.SetSettingsAsync(chat, new UserSettings(SlideCount: 20));

        await bot.SayAsync(chat, "/carousel A complete guide to sourdough bread at home");

        await CarouselSteps.WaitForResultAsync(bot, chat);
        var albums = bot.CallsTo(chat, "sendMediaGroup");
        Assert.Equal([10, 10], albums.Select(a => a.PhotoCount));
        Assert.Equal(20, albums.SelectMany(a => a.Files).Select(f => f.FileName).Distinct().Count());
        Assert.NotNull(albums[0].Caption);
    }

    [Fact]
    public async Task Quota_Exhausted_AnswersWhenTheNextCarouselIsPossible()
    {
        var user = BotFixture.NewChat();
        await bot.SetSettingsAsync(user, new UserSettings(SlideCount: 3));

        // The same user in three group chats: one carousel per chat at a time, but the quota is the user's.
        var groups = Enumerable.Range(1, BotFixture.QuotaPerHour + 1).Select(i => new TestChat(-(user.ChatId + i), "en")).ToArray();
        foreach (var group in groups)
        {
            await bot.Host.SendAsync(BotApiUpdates.TextMessage(group.ChatId, user.UserId, "Morning routines that stick", updateId: BotFixture.NextUpdateId()));
        }

        // The chats are handled in parallel, so any one of them may be the one over the quota.
        var refusal = await bot.StandIn.WaitForCallAsync(
            call => call.Method == "sendMessage" && call.Text?.Contains("which is the limit", StringComparison.Ordinal) == true && groups.Any(g => g.ChatId == call.ChatId),
            BotFixture.Timeout);
        Assert.Contains("next one is possible in", refusal.Text, StringComparison.Ordinal);
        var refused = groups.Single(g => g.ChatId == refusal.ChatId);
        foreach (var group in groups.Where(g => g != refused))
        {
            await CarouselSteps.WaitForResultAsync(bot, group);
        }

        Assert.Empty(bot.CallsTo(refused, "sendMediaGroup"));
        Assert.Single(bot.StandIn.CallsTo("sendMessage"), call => call.Text?.Contains("which is the limit", StringComparison.Ordinal) == true && groups.Any(g => g.ChatId == call.ChatId));
    }

    [Fact]
    public async Task SecondTopic_WhileOneRuns_IsRefusedAndCancelStopsTheFirst()
    {
        var chat = BotFixture.NewChat();
        await bot.SetSettingsAsync(chat, new UserSettings(SlideCount: 3));

        // The workflow's first status edit never gets an answer, so the job is reliably still running below.
        bot.StandIn.InjectFailures("editMessageText", 1, BotApiFailure.NoAnswer());
        await bot.SayAsync(chat, "How to keep a journal");
        var status = await bot.WaitForMessageAsync(chat, "starting");
        await bot.StandIn.WaitForCallAsync(call => call.Method == "editMessageText" && call.ChatId == chat.ChatId && call.StatusCode < 0, BotFixture.Timeout);

        await bot.SayAsync(chat, "Another topic while busy");
        await bot.WaitForMessageAsync(chat, "already in progress");
        await bot.SayAsync(chat, "/cancel");

        await bot.WaitForMessageAsync(chat, "Stopping the carousel");
        await bot.WaitForAsync(chat, "editMessageText", call => call.MessageId == status.MessageId && call.Text == "⏹ Cancelled.");
        Assert.Empty(bot.CallsTo(chat, "sendMediaGroup"));
        var session = await bot.Host.Grains.GetGrain<ISessionGrain>(chat.UserIdText).GetSnapshot();
        var job = await bot.Host.Grains.GetGrain<ICarouselJobGrain>(session.ActiveJobId!).Get();
        Assert.Equal(JobStatus.Cancelled, job!.Status);
    }

    [Fact]
    public async Task ResultButtons_ZipPdfAndAnotherTheme_DoWhatTheySay()
    {
        var chat = BotFixture.NewChat();
        var (jobId, buttons) = await bot.MakeCarouselAsync(chat, "Why sleep matters for memory");

        await bot.PressAsync(chat, "j:z:" + jobId, buttons.MessageId!.Value);
        var zip = await bot.WaitForAsync(chat, "sendDocument", call => call.Files.Any(f => f.FileName.EndsWith(".zip", StringComparison.Ordinal)));
        Assert.Equal("PK", Encoding.ASCII.GetString(zip.Files[0].Content, 0, 2));

        await bot.PressAsync(chat, "j:p:" + jobId, buttons.MessageId!.Value);
        var pdf = await bot.WaitForAsync(chat, "sendDocument", call => call.Files.Any(f => f.FileName.EndsWith(".pdf", StringComparison.Ordinal)));
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf.Files[0].Content, 0, 4));

        await bot.PressAsync(chat, "j:t:" + jobId, buttons.MessageId!.Value);
        var picker = await bot.WaitForMessageAsync(chat, "Pick a theme for");
        Assert.DoesNotContain(picker.Buttons, b => b.CallbackData!.Contains(":midnight:", StringComparison.Ordinal));
        Assert.Contains(picker.Buttons, b => b.CallbackData == $"j:tp:mint:{jobId}");

        await bot.PressAsync(chat, $"j:tp:mint:{jobId}", picker.MessageId!.Value);
        var second = await CarouselSteps.WaitForResultAsync(bot, chat, call => CarouselSteps.JobOf(call) != jobId);
        var regenerated = await bot.Host.Grains.GetGrain<ICarouselJobGrain>(CarouselSteps.JobOf(second)).Get();
        Assert.Equal("mint", regenerated!.Request.Design.Theme);
        Assert.Equal("Why sleep matters for memory", regenerated.Request.Topic);
    }

    [Fact]
    public async Task ResultButton_OfAnotherUsersCarousel_IsRefused()
    {
        var owner = BotFixture.NewChat();
        var (jobId, buttons) = await bot.MakeCarouselAsync(owner, "Budgeting basics for students");
        var stranger = BotFixture.NewChat();
        var queryId = Guid.NewGuid().ToString("N");

        await bot.Host.SendAsync(BotApiUpdates.CallbackQuery(stranger.ChatId, stranger.UserId, "j:z:" + jobId, buttons.MessageId!.Value, queryId, BotFixture.NextUpdateId()));

        var answer = await bot.StandIn.WaitForCallAsync(
            call => call.Method == "answerCallbackQuery" && call.Parameters.GetValueOrDefault("callback_query_id") == queryId, BotFixture.Timeout);
        Assert.Contains("someone else", answer.Parameters["text"], StringComparison.Ordinal);
        Assert.Empty(bot.CallsTo(stranger, "sendDocument"));
    }
}
