using System.Text;
using VibeCoder.Grains.Telegram;
using VibeCoder.Grains.Telegram.Texts;
using VibeCoder.Grains.Users;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Telegram.Bot.Tests;

/// <summary>The conversation's small pure parts: command parsing, language choice, job ids, button data.</summary>
public sealed class ConversationPartsTests
{
    [Theory]
    [InlineData("/start", "start", "")]
    [InlineData("/Carousel   How to sleep  ", "carousel", "How to sleep")]
    [InlineData("/carousel@vibecoder_bot Topic here", "carousel", "Topic here")]
    [InlineData("/help\nmore", "help", "more")]
    public void BotCommandText_Command_IsParsed(string text, string name, string arguments)
    {
        Assert.True(BotCommandText.TryParse(text, out var command));

        Assert.Equal(name, command.Name);
        Assert.Equal(arguments, command.Arguments);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello /start")]
    [InlineData("/")]
    [InlineData("/ start")]
    [InlineData("/@bot")]
    public void BotCommandText_NotACommand_IsRefused(string text) =>
        Assert.False(BotCommandText.TryParse(text, out _));

    [Theory]
    [InlineData("auto", "ru", "ru")]
    [InlineData("auto", "uk-UA", "ru")]
    [InlineData("auto", "de", "en")]
    [InlineData("auto", null, "en")]
    [InlineData("en", "ru", "en")]
    [InlineData("ru", "en", "ru")]
    public void BotLanguage_SettingOverridesTelegramsLanguage(string setting, string? languageCode, string expected) =>
        Assert.Equal(expected, BotLanguage.Resolve(new UserSettings(Language: setting), languageCode));

    [Fact]
    public void JobIds_SameUpdate_SameIdInTheApiFormat()
    {
        var id = JobIds.ForUpdate(42, 1001);

        Assert.Equal(id, JobIds.ForUpdate(42, 1001));
        Assert.NotEqual(id, JobIds.ForUpdate(42, 1002));
        Assert.NotEqual(id, JobIds.ForUpdate(43, 1001));
        Assert.True(JobIds.IsJobId(id));
    }

    [Fact]
    public void CallbackData_LongestData_FitsTelegramsLimit()
    {
        var job = JobIds.ForUpdate(long.MinValue, long.MaxValue);
        var data = SlideThemes.Names.Select(theme => CallbackData.RegenerateInTheme(job, theme))
            .Concat([CallbackData.Regenerate(job), CallbackData.ThemePicker(job), CallbackData.Zip(job), CallbackData.Pdf(job)])
            .Concat([CallbackData.SendAgain(job), CallbackData.HistoryRegenerate(job), CallbackData.HistoryDelete(job)])
            .Concat(SlideThemes.Names.Select(CallbackData.SetTheme))
            .Concat([CallbackData.SetSlides(20), CallbackData.SetLanguage("auto"), CallbackData.RemoveFooter]);

        Assert.All(data, d => Assert.InRange(Encoding.UTF8.GetByteCount(d), 1, 64));
    }

    [Fact]
    public void CallbackData_Parse_SplitsAndRefusesOversizeOrEmpty()
    {
        Assert.Equal(["j", "tp", "mint", "abc"], CallbackData.Parse("j:tp:mint:abc"));
        Assert.Empty(CallbackData.Parse(null));
        Assert.Empty(CallbackData.Parse(new string('x', 65)));
    }

    [Fact]
    public void Texts_EveryHistoryAndStatusText_StaysShortForLongTopics()
    {
        var topic = new string('т', 500);
        foreach (var texts in new[] { BotTexts.For("en"), BotTexts.For("ru") })
        {
            Assert.InRange(texts.StatusRendering(topic, 3, 7).Length, 1, 200);
            Assert.InRange(texts.HistoryLine(10, new HistoryEntry("j", topic, null, Grains.Carousels.JobStatus.Completed, DateTimeOffset.UnixEpoch)).Length, 1, 120);
            Assert.Equal(texts.Commands.Select(c => c.Command), BotTexts.For("en").Commands.Select(c => c.Command));
        }
    }
}
