using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Sessions;
using VibeCoder.Grains.Users;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests;

/// <summary>
/// Editing a delivered carousel in the bot: every flow through the Bot API stand-in, with the album updated in place
/// (editMessageMedia on the affected photos only, deleteMessage for a removed one) and never sent a second time.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class SlideEditTests(BotFixture bot)
{
    [Fact]
    public async Task EditButton_PressedWhileTheJobStillRecords_OpensOnceItCompletes()
    {
        var chat = BotFixture.NewChat();
        var jobId = Guid.NewGuid().ToString("N");
        var job = bot.Host.Grains.GetGrain<ICarouselJobGrain>(jobId);
        var request = new CarouselRequest("Packing for a weekend", 3, "en", new RenderOptions("midnight", SlideSize.Portrait, null, null), chat.UserIdText, null);
        var content = new CarouselContent(
            "Packing light",
            [new(SlideKind.Cover, "Packing light", "Two days, one bag"), new(SlideKind.Content, "Roll, don't fold", "It saves room."), new(SlideKind.CallToAction, "Save this", "Follow for more")],
            "Pack smart.",
            ["#travel"],
            "en");
        await job.Create(request);
        await job.Update(new JobUpdate(Status: JobStatus.Delivering, Content: content));

        await bot.PressAsync(chat, "j:e:" + jobId, 1);
        await bot.WaitForAsync(chat, "sendChatAction", call => call.Parameters.GetValueOrDefault("action") == "typing");
        await job.Update(new JobUpdate(Status: JobStatus.Completed, ClearStep: true));

        var editor = await bot.WaitForAsync(chat, "sendMessage", call => call.Buttons.Any(b => b.CallbackData == "e:d:" + jobId));
        Assert.Contains(editor.Buttons, b => b.CallbackData?.StartsWith("e:s:2:", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(bot.StandIn.CallsTo("answerCallbackQuery"), call => call.Parameters.GetValueOrDefault("text")?.Contains("Wait until it is done", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Delivery_Album_IsRecordedWithEachSlidesImageKey()
    {
        var chat = BotFixture.NewChat();

        var (jobId, _) = await bot.MakeCarouselAsync(chat, "Five habits of calm mornings", slides: 4);

        var job = await bot.JobAsync(jobId);
        var album = Assert.IsType<TelegramAlbum>(job.TelegramAlbum);
        Assert.Equal(chat.ChatId, album.ChatId);
        Assert.Equal(EditSteps.AlbumMessageIds(bot.StandIn, chat.ChatId), album.Messages.Select(m => (long)m.MessageId));
        Assert.Equal(job.Slides.Select(s => s.ImageKey), album.Messages.Select(m => m.ImageKey));
    }

    [Fact]
    public async Task NewText_HeadingAndBodyTyped_OnlyThatPhotoIsReplacedInPlace()
    {
        var chat = BotFixture.NewChat();
        var (jobId, result) = await bot.MakeCarouselAsync(chat, "How to plan a vegetable garden", slides: 5);
        var photos = EditSteps.AlbumMessageIds(bot.StandIn, chat.ChatId);
        var editor = await bot.OpenEditorAsync(chat, jobId, result.MessageId!.Value);
        Assert.Contains("Which slide", editor.Text, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3", "4", "5"], editor.Buttons.Take(5).Select(b => b.Text));

        await bot.PressAsync(chat, $"e:s:2:0:{jobId}", editor.MessageId!.Value);
        var slide = await bot.WaitForEditorAsync(chat, editor.MessageId.Value, "Slide 2 of 5");
        Assert.Contains(slide.Buttons, b => b.CallbackData == $"e:x:2:0:{jobId}");
        Assert.DoesNotContain(slide.Buttons, b => b.CallbackData == $"e:l:2:0:{jobId}"); // slide 2 cannot pass the cover
        await bot.PressAsync(chat, $"e:t:2:0:{jobId}", editor.MessageId.Value);
        await bot.WaitForEditorAsync(chat, editor.MessageId.Value, "Send the new text of slide 2");
        Assert.Equal(SessionAwaiting.SlideText, (await Session(chat)).Awaiting);

        await bot.SayAsync(chat, "Start with the soil\nTest it, feed it, and only then plant.");

        var saved = await bot.WaitForMessageAsync(chat, "Slide 2 updated");
        Assert.Contains("Start with the soil", saved.Text, StringComparison.Ordinal);
        var edit = Assert.Single(await bot.WaitForPhotoEditsAsync(chat, 1));
        Assert.Equal(photos[1], edit.MessageId);
        Assert.Equal("multipart", edit.BodyKind);
        var job = await bot.WaitForAlbumInSyncAsync(jobId);
        Assert.Equal(("Start with the soil", "Test it, feed it, and only then plant."), (job.Slides[1].Heading, job.Slides[1].Body));
        Assert.Equal(1, job.Revision);
        Assert.Equal(await bot.SlidePngAsync(jobId, 2), bot.StandIn.MessagePhoto(chat.ChatId, photos[1]));
        Assert.Single(bot.CallsTo(chat, "sendMediaGroup"));
        Assert.Empty(bot.CallsTo(chat, "deleteMessage"));
        Assert.Equal(SessionAwaiting.None, (await Session(chat)).Awaiting);
    }

    [Fact]
    public async Task NewText_OfTheCover_KeepsTheAlbumCaption()
    {
        var chat = BotFixture.NewChat();
        var (jobId, result) = await bot.MakeCarouselAsync(chat, "Coffee brewing at home", slides: 3);
        var photos = EditSteps.AlbumMessageIds(bot.StandIn, chat.ChatId);
        var caption = bot.StandIn.MessageCaption(chat.ChatId, photos[0]);
        Assert.False(string.IsNullOrEmpty(caption));
        var editor = await bot.OpenEditorAsync(chat, jobId, result.MessageId!.Value);

        await bot.PressAsync(chat, $"e:t:1:0:{jobId}", editor.MessageId!.Value);
        await bot.WaitForEditorAsync(chat, editor.MessageId.Value, "Send the new text of slide 1");
        await bot.SayAsync(chat, "Better coffee, same beans");

        var edit = Assert.Single(await bot.WaitForPhotoEditsAsync(chat, 1));
        Assert.Equal(photos[0], edit.MessageId);
        Assert.Equal(caption, bot.StandIn.MessageCaption(chat.ChatId, photos[0]));
        var job = await bot.JobAsync(jobId);
        Assert.Equal("Better coffee, same beans", job.Slides[0].Heading);
        Assert.NotEqual("Better coffee, same beans", job.Slides[0].Body); // one line changes only the heading
    }

    [Fact]
    public async Task Remove_MiddleSlide_RemainingPhotosRedrawnAndTheLastDeleted()
    {
        var chat = BotFixture.NewChat();
        var (jobId, result) = await bot.MakeCarouselAsync(chat, "Saving money on groceries", slides: 5);
        var photos = EditSteps.AlbumMessageIds(bot.StandIn, chat.ChatId);
        var editor = await bot.OpenEditorAsync(chat, jobId, result.MessageId!.Value);
        var before = await bot.JobAsync(jobId);

        await bot.PressAsync(chat, $"e:x:3:0:{jobId}", editor.MessageId!.Value);

        var list = await bot.WaitForEditorAsync(chat, editor.MessageId.Value, "Slide 3 removed");
        Assert.Contains("(4 slides)", list.Text, StringComparison.Ordinal);
        var delete = await bot.WaitForAsync(chat, "deleteMessage");
        Assert.Equal(photos[4], delete.MessageId);
        var job = await bot.WaitForAlbumInSyncAsync(jobId);
        Assert.Equal(before.Slides.Where(s => s.Index != 3).Select(s => s.Heading), job.Slides.Select(s => s.Heading));

        // Page numbers show "n/4" now, so every remaining photo was drawn again; each in place, none sent anew.
        Assert.Equal(photos.Take(4), bot.CallsTo(chat, "editMessageMedia").Select(c => c.MessageId!.Value).Order());
        Assert.Equal(photos.Take(4), job.TelegramAlbum!.Messages.Select(m => (long)m.MessageId));
        Assert.False(bot.StandIn.HasMessage(chat.ChatId, photos[4]));
        Assert.Single(bot.CallsTo(chat, "sendMediaGroup"));
        for (var n = 1; n <= 4; n++)
        {
            Assert.Equal(await bot.SlidePngAsync(jobId, n), bot.StandIn.MessagePhoto(chat.ChatId, photos[n - 1]));
        }
    }

    [Fact]
    public async Task MoveRight_SwapsTwoSlides_OnlyTheirPhotosAreReplaced()
    {
        var chat = BotFixture.NewChat();
        var (jobId, result) = await bot.MakeCarouselAsync(chat, "Learning a language on the commute", slides: 5);
        var photos = EditSteps.AlbumMessageIds(bot.StandIn, chat.ChatId);
        var before = await bot.JobAsync(jobId);
        var editor = await bot.OpenEditorAsync(chat, jobId, result.MessageId!.Value);

        await bot.PressAsync(chat, $"e:r:2:0:{jobId}", editor.MessageId!.Value);

        var moved = await bot.WaitForEditorAsync(chat, editor.MessageId.Value, "Slide 2 is now slide 3");
        Assert.Contains("Slide 3 of 5", moved.Text, StringComparison.Ordinal);
        Assert.Contains(moved.Buttons, b => b.CallbackData == $"e:l:3:1:{jobId}"); // the keyboard of revision 1
        var edits = await bot.WaitForPhotoEditsAsync(chat, 2);
        Assert.Equal([photos[1], photos[2]], edits.Select(c => c.MessageId!.Value).Order());
        var job = await bot.WaitForAlbumInSyncAsync(jobId);
        Assert.Equal((before.Slides[2].Heading, before.Slides[1].Heading), (job.Slides[1].Heading, job.Slides[2].Heading));
        Assert.Single(bot.CallsTo(chat, "sendMediaGroup"));
    }

    [Fact]
    public async Task Undo_AfterNewText_PutsTheOriginalPhotoBack()
    {
        var chat = BotFixture.NewChat();
        var (jobId, result) = await bot.MakeCarouselAsync(chat, "Stretching for desk workers", slides: 3);
        var photos = EditSteps.AlbumMessageIds(bot.StandIn, chat.ChatId);
        var original = bot.StandIn.MessagePhoto(chat.ChatId, photos[1]);
        var editor = await bot.OpenEditorAsync(chat, jobId, result.MessageId!.Value);
        await bot.PressAsync(chat, $"e:t:2:0:{jobId}", editor.MessageId!.Value);
        await bot.WaitForEditorAsync(chat, editor.MessageId.Value, "Send the new text");
        await bot.SayAsync(chat, "-\nRoll your shoulders every hour.");
        var saved = await bot.WaitForMessageAsync(chat, "Slide 2 updated");
        await bot.WaitForPhotoEditsAsync(chat, 1);
        Assert.Contains(saved.Buttons, b => b.CallbackData == $"e:u:1:{jobId}");

        await bot.PressAsync(chat, $"e:u:1:{jobId}", saved.MessageId!.Value);

        await bot.WaitForEditorAsync(chat, saved.MessageId.Value, "The last edit was undone");
        var edits = await bot.WaitForPhotoEditsAsync(chat, 2);
        Assert.All(edits, edit => Assert.Equal(photos[1], edit.MessageId));
        var job = await bot.WaitForAlbumInSyncAsync(jobId);
        Assert.Equal((2, 0), (job.Revision, job.UndoDepth));
        Assert.Equal(original, bot.StandIn.MessagePhoto(chat.ChatId, photos[1]));
    }

    [Fact]
    public async Task Undo_AfterRemove_SendsTheAlbumAgainAndDeletesTheOldOne()
    {
        var chat = BotFixture.NewChat();
        var (jobId, result) = await bot.MakeCarouselAsync(chat, "Houseplants that survive anything", slides: 4);
        var old = EditSteps.AlbumMessageIds(bot.StandIn, chat.ChatId);
        var editor = await bot.OpenEditorAsync(chat, jobId, result.MessageId!.Value);
        await bot.PressAsync(chat, $"e:x:2:0:{jobId}", editor.MessageId!.Value);
        await bot.WaitForEditorAsync(chat, editor.MessageId.Value, "Slide 2 removed");
        await bot.WaitForAsync(chat, "deleteMessage");
        await bot.WaitForAlbumInSyncAsync(jobId);

        await bot.PressAsync(chat, $"e:u:1:{jobId}", editor.MessageId.Value);

        await bot.WaitForEditorAsync(chat, editor.MessageId.Value, "The last edit was undone");
        var albums = await bot.StandIn.WaitForCallsAsync(
            calls => calls.Count(c => c.Method == "sendMediaGroup" && c.ChatId == chat.ChatId && c.StatusCode == 200) == 2, BotFixture.Timeout);
        var job = await bot.WaitForAlbumInSyncAsync(jobId);
        var now = job.TelegramAlbum!.Messages.Select(m => (long)m.MessageId).ToArray();
        Assert.Equal(4, now.Length);
        Assert.Equal(EditSteps.AlbumMessageIds(bot.StandIn, chat.ChatId).Skip(4), now);
        await bot.StandIn.WaitForCallsAsync(calls => old.All(id => !bot.StandIn.HasMessage(chat.ChatId, id)), BotFixture.Timeout);
        Assert.All(now, id => Assert.True(bot.StandIn.HasMessage(chat.ChatId, id)));
        Assert.NotNull(bot.StandIn.MessageCaption(chat.ChatId, now[0]));
        for (var n = 1; n <= 4; n++)
        {
            Assert.Equal(await bot.SlidePngAsync(jobId, n), bot.StandIn.MessagePhoto(chat.ChatId, now[n - 1]));
        }
    }

    [Fact]
    public async Task Rewrite_Pressed_TheGeneratorsWordsReplaceThatPhoto()
    {
        var chat = BotFixture.NewChat();
        var (jobId, result) = await bot.MakeCarouselAsync(chat, "Running your first 5K", slides: 4);
        var photos = EditSteps.AlbumMessageIds(bot.StandIn, chat.ChatId);
        var before = await bot.JobAsync(jobId);
        var editor = await bot.OpenEditorAsync(chat, jobId, result.MessageId!.Value);

        await bot.PressAsync(chat, $"e:w:3:0:{jobId}", editor.MessageId!.Value);

        await bot.StandIn.WaitForCallAsync(
            call => call.Method == "answerCallbackQuery" && call.Parameters.GetValueOrDefault("text")?.Contains("Rewriting slide 3", StringComparison.Ordinal) == true, BotFixture.Timeout);
        var shown = await bot.WaitForEditorAsync(chat, editor.MessageId.Value, "Slide 3 rewritten");
        var edit = Assert.Single(await bot.WaitForPhotoEditsAsync(chat, 1));
        Assert.Equal(photos[2], edit.MessageId);
        var job = await bot.WaitForAlbumInSyncAsync(jobId);
        Assert.NotEqual((before.Slides[2].Heading, before.Slides[2].Body), (job.Slides[2].Heading, job.Slides[2].Body));
        Assert.Contains(job.Slides[2].Heading, shown.Text, StringComparison.Ordinal);
        Assert.Equal(await bot.SlidePngAsync(jobId, 3), bot.StandIn.MessagePhoto(chat.ChatId, photos[2]));
    }

    [Fact]
    public async Task EditButtons_OfAnotherUsersCarousel_AreRefusedAndChangeNothing()
    {
        var owner = BotFixture.NewChat();
        var (jobId, result) = await bot.MakeCarouselAsync(owner, "Negotiating a raise", slides: 4);
        var stranger = BotFixture.NewChat();

        foreach (var data in new[] { "j:e:" + jobId, $"e:x:2:0:{jobId}", $"e:t:2:0:{jobId}" })
        {
            var queryId = Guid.NewGuid().ToString("N");
            await bot.Host.SendAsync(BotApiUpdates.CallbackQuery(stranger.ChatId, stranger.UserId, data, result.MessageId!.Value, queryId, BotFixture.NextUpdateId()));
            var answer = await bot.StandIn.WaitForCallAsync(
                call => call.Method == "answerCallbackQuery" && call.Parameters.GetValueOrDefault("callback_query_id") == queryId, BotFixture.Timeout);
            Assert.Contains("someone else", answer.Parameters["text"], StringComparison.Ordinal);
        }

        Assert.Equal(0, (await bot.JobAsync(jobId)).Revision);
        Assert.Equal(SessionAwaiting.None, (await Session(stranger)).Awaiting);
        Assert.Empty(bot.CallsTo(stranger, "sendMessage"));
        Assert.DoesNotContain(bot.StandIn.CallsTo("editMessageMedia"), c => c.ChatId == owner.ChatId);
    }

    [Fact]
    public async Task NewText_TooLongThenValid_FirstIsRefusedKindlyAndTheSessionKeepsWaiting()
    {
        var chat = BotFixture.NewChat();
        var (jobId, result) = await bot.MakeCarouselAsync(chat, "Writing better emails", slides: 3);
        var editor = await bot.OpenEditorAsync(chat, jobId, result.MessageId!.Value);
        await bot.PressAsync(chat, $"e:t:2:0:{jobId}", editor.MessageId!.Value);
        await bot.WaitForEditorAsync(chat, editor.MessageId.Value, "Send the new text");

        await bot.SayAsync(chat, new string('h', 120) + "\nBody");
        var refusal = await bot.WaitForMessageAsync(chat, "The heading has 120 characters");
        Assert.Contains("90", refusal.Text, StringComparison.Ordinal);
        await bot.SayAsync(chat, "-");
        await bot.WaitForMessageAsync(chat, "That text is empty");
        Assert.Equal(SessionAwaiting.SlideText, (await Session(chat)).Awaiting);
        Assert.Equal(0, (await bot.JobAsync(jobId)).Revision);

        await bot.SayAsync(chat, "Lead with the ask");
        await bot.WaitForMessageAsync(chat, "Slide 2 updated");
        Assert.Equal("Lead with the ask", (await bot.JobAsync(jobId)).Slides[1].Heading);
        Assert.Single(bot.CallsTo(chat, "sendMediaGroup")); // the typed words were never taken for a topic
    }

    [Fact]
    public async Task NewText_SameWordsAgain_SaysSoAndKeepsWaiting()
    {
        var chat = BotFixture.NewChat();
        var (jobId, result) = await bot.MakeCarouselAsync(chat, "Habits of good listeners", slides: 3);
        var current = (await bot.JobAsync(jobId)).Slides[1];
        var editor = await bot.OpenEditorAsync(chat, jobId, result.MessageId!.Value);
        await bot.PressAsync(chat, $"e:t:2:0:{jobId}", editor.MessageId!.Value);
        await bot.WaitForEditorAsync(chat, editor.MessageId.Value, "Send the new text");

        await bot.SayAsync(chat, current.Heading + "\n" + current.Body);

        await bot.WaitForMessageAsync(chat, "The slide already says that");
        Assert.Equal(SessionAwaiting.SlideText, (await Session(chat)).Awaiting);
        Assert.Equal(0, (await bot.JobAsync(jobId)).Revision);
        Assert.Empty(bot.CallsTo(chat, "editMessageMedia"));
    }

    [Theory]
    [InlineData("e:x:two:0:{0}")]
    [InlineData("e:x:2:{0}")]
    [InlineData("e:q:2:0:{0}")]
    [InlineData("e:x:9:0:{0}")]
    public async Task EditorButton_MalformedOrNoSuchSlide_IsAnsweredAndChangesNothing(string pattern)
    {
        var chat = BotFixture.NewChat();
        var (jobId, result) = await bot.MakeCarouselAsync(chat, "Morning pages, explained", slides: 3);
        var queryId = Guid.NewGuid().ToString("N");

        await bot.Host.SendAsync(BotApiUpdates.CallbackQuery(
            chat.ChatId, chat.UserId, string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, jobId), result.MessageId!.Value, queryId, BotFixture.NextUpdateId()));

        var answer = await bot.StandIn.WaitForCallAsync(
            call => call.Method == "answerCallbackQuery" && call.Parameters.GetValueOrDefault("callback_query_id") == queryId, BotFixture.Timeout);
        Assert.False(string.IsNullOrEmpty(answer.Parameters.GetValueOrDefault("text")));
        Assert.Equal(0, (await bot.JobAsync(jobId)).Revision);
        Assert.Empty(bot.CallsTo(chat, "deleteMessage"));
    }

    [Fact]
    public async Task StaleKeyboard_AfterAnEditElsewhere_IsAConflictAndTheAlbumFollowsTheOtherEdit()
    {
        var chat = BotFixture.NewChat();
        var (jobId, result) = await bot.MakeCarouselAsync(chat, "Decluttering a small flat", slides: 4);
        var photos = EditSteps.AlbumMessageIds(bot.StandIn, chat.ChatId);
        var editor = await bot.OpenEditorAsync(chat, jobId, result.MessageId!.Value);

        // An edit from outside the bot (the web page calls the same grain method): the album follows it all the same.
        var web = await bot.Host.Grains.GetGrain<ICarouselJobGrain>(jobId).EditSlide(SlideEdit.Text(3, "Edited on the web", null), 0);
        Assert.True(web.Applied);
        var edit = Assert.Single(await bot.WaitForPhotoEditsAsync(chat, 1));
        Assert.Equal(photos[2], edit.MessageId);

        await bot.PressAsync(chat, $"e:x:2:0:{jobId}", editor.MessageId!.Value);

        var shown = await bot.WaitForEditorAsync(chat, editor.MessageId.Value, "changed elsewhere");
        Assert.Contains(shown.Buttons, b => b.CallbackData == $"e:s:2:1:{jobId}");
        var job = await bot.JobAsync(jobId);
        Assert.Equal((1, 4), (job.Revision, job.Slides.Count));
        Assert.Empty(bot.CallsTo(chat, "deleteMessage"));
    }

    [Fact]
    public async Task Sync_TelegramFailsForAWhile_ThePhotoIsReplacedOnceItAnswers()
    {
        var chat = BotFixture.NewChat();
        var (jobId, _) = await bot.MakeCarouselAsync(chat, "Meal prep for a busy week", slides: 3);
        var photos = EditSteps.AlbumMessageIds(bot.StandIn, chat.ChatId);

        // Flood control first, then a 5xx outage longer than the client's own retries: the album grain waits both out.
        bot.StandIn.InjectChatFailures(chat.ChatId, "editMessageMedia", 1, BotApiFailure.TooManyRequests(1));
        bot.StandIn.InjectChatFailures(chat.ChatId, "editMessageMedia", 6, BotApiFailure.ServerError(503));
        await bot.Host.Grains.GetGrain<ICarouselJobGrain>(jobId).EditSlide(SlideEdit.Text(2, "Cook twice, eat all week", null), null);

        var edit = Assert.Single(await bot.WaitForPhotoEditsAsync(chat, 1));
        Assert.Equal(photos[1], edit.MessageId);
        Assert.Contains(bot.StandIn.CallsTo("editMessageMedia"), c => c.ChatId == chat.ChatId && c.StatusCode == 429);
        Assert.Contains(bot.StandIn.CallsTo("editMessageMedia"), c => c.ChatId == chat.ChatId && c.StatusCode == 503);
        await bot.WaitForAlbumInSyncAsync(jobId);
        Assert.Equal(await bot.SlidePngAsync(jobId, 2), bot.StandIn.MessagePhoto(chat.ChatId, photos[1]));
    }

    [Fact]
    public async Task Editor_InRussian_SpeaksRussian()
    {
        var chat = BotFixture.NewChat("ru");
        await bot.SetSettingsAsync(chat, new UserSettings(SlideCount: 3, Language: "ru"));
        await bot.SayAsync(chat, "Как высыпаться");
        var result = await CarouselSteps.WaitForResultAsync(bot, chat);
        var jobId = CarouselSteps.JobOf(result);
        await CarouselSteps.WaitForFinalAsync(bot, jobId);
        Assert.Contains(result.Buttons, b => b.CallbackData == "j:e:" + jobId && b.Text.Contains("Править", StringComparison.Ordinal));

        var editor = await bot.OpenEditorAsync(chat, jobId, result.MessageId!.Value);
        Assert.Contains("Какой слайд изменить", editor.Text, StringComparison.Ordinal);
        await bot.PressAsync(chat, $"e:u:0:{jobId}", editor.MessageId!.Value);

        await bot.StandIn.WaitForCallAsync(
            call => call.Method == "answerCallbackQuery" && call.ChatId is null && call.Parameters.GetValueOrDefault("text") == "Отменять нечего.", BotFixture.Timeout);
        await bot.PressAsync(chat, $"e:d:{jobId}", editor.MessageId.Value);
        await bot.WaitForEditorAsync(chat, editor.MessageId.Value, "Правка закрыта");
    }

    private Task<SessionSnapshot> Session(TestChat chat) => bot.Host.Grains.GetGrain<ISessionGrain>(chat.UserIdText).GetSnapshot();
}
