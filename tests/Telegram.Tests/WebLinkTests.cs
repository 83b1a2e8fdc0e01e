using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Grains.Carousels.EditLinks;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;

namespace VibeCoder.Telegram.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed partial class WebLinkTests(BotFixture bot)
{
    [Fact]
    public async Task Web_AfterACarousel_RepliesWithASignedLinkToItStatingTheExpiry()
    {
        var chat = BotFixture.NewChat();
        var (jobId, _) = await bot.MakeCarouselAsync(chat, "Quiet mornings for busy parents");

        await bot.SayAsync(chat, "/web");
        var reply = await bot.WaitForMessageAsync(chat, "in your browser");

        Assert.Contains("24 hours", reply.Text, StringComparison.Ordinal);
        var url = new Uri(Link().Match(reply.Text!).Value);
        Assert.Equal("https://bot.example.test/", url.GetLeftPart(UriPartial.Path)); // the webhook's origin: no PUBLIC_BASE_URL set
        Assert.Equal($"?job={jobId}", url.Query);
        var token = url.Fragment["#token=".Length..];
        var check = await bot.Host.Services.GetRequiredService<EditLinkSigner>().CheckAsync(jobId, token).WaitAsync(BotFixture.Timeout);
        Assert.Equal(EditTokenStatus.Valid, check.Status);
        Assert.Equal(chat.UserIdText, check.UserId);
    }

    [Fact]
    public async Task Web_NumberFromHistory_LinksThatCarousel()
    {
        var chat = BotFixture.NewChat();
        var (older, first) = await bot.MakeCarouselAsync(chat, "Habits of tidy desks");
        await bot.SayAsync(chat, "Habits of tidy inboxes");
        var second = await CarouselSteps.WaitForResultAsync(bot, chat, call => call.MessageId > first.MessageId);
        await CarouselSteps.WaitForFinalAsync(bot, CarouselSteps.JobOf(second));

        await bot.SayAsync(chat, "/web 2");
        var reply = await bot.WaitForMessageAsync(chat, "in your browser");

        Assert.Equal($"?job={older}", new Uri(Link().Match(reply.Text!).Value).Query);
    }

    [Fact]
    public async Task Web_NoCarouselYet_InvitesTheFirstInRussian()
    {
        var chat = BotFixture.NewChat("ru");

        await bot.SayAsync(chat, "/web");

        await bot.WaitForMessageAsync(chat, "Готовых каруселей для редактирования пока нет");
    }

    [Fact]
    public async Task Web_NumberOutOfRange_AsksForOneFromHistory()
    {
        var chat = BotFixture.NewChat();
        await bot.MakeCarouselAsync(chat, "Short walks after lunch");

        await bot.SayAsync(chat, "/web 7");

        await bot.WaitForMessageAsync(chat, "Choose a number from /history, 1–1");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
