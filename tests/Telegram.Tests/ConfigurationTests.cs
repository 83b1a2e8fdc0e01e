using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VibeCoder.Gateway.Telegram;
using VibeCoder.Grains.Telegram;
using VibeCoder.Grains.Telegram.Configuration;
using VibeCoder.Grains.Telegram.Outbox;

namespace VibeCoder.Telegram.Bot.Tests;

/// <summary>Start-up checks of the bot's configuration: each failure is one sentence naming the variable.</summary>
public sealed class ConfigurationTests
{
    private const string Token = "123456789:AAStandInToken_for-tests-only0123456";

    [Fact]
    public void WebhookMode_WithoutSecret_FailsNamingTheVariable()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve<TelegramOptions>(new()
        {
            ["TELEGRAM_BOT_TOKEN"] = Token,
            ["TELEGRAM_MODE"] = "webhook",
            ["TELEGRAM_WEBHOOK_URL"] = "https://bot.example.test/telegram/webhook",
        }));

        Assert.Contains("TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_MODE is webhook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PollingMode_WithoutSecret_IsFine()
    {
        var options = Resolve<TelegramOptions>(new() { ["TELEGRAM_BOT_TOKEN"] = Token, ["TELEGRAM_MODE"] = "polling" });

        Assert.Equal(TelegramMode.Polling, options.EffectiveMode);
    }

    [Fact]
    public void AdminUserIds_CommaSeparated_AreRead()
    {
        var options = Resolve<TelegramBotOptions>(new() { ["ADMIN_USER_IDS"] = "12, 34,56" });

        Assert.Equal([12L, 34L, 56L], options.AdminUserIds.Order());
    }

    [Fact]
    public void AdminUserIds_NotNumbers_FailNamingTheVariable()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve<TelegramBotOptions>(new() { ["ADMIN_USER_IDS"] = "12,bob" }));

        Assert.Contains("ADMIN_USER_IDS must be comma-separated Telegram user ids (got 'bob')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outbox_Settings_AreRead()
    {
        var options = Resolve<ChatOutboxOptions>(new()
        {
            ["TELEGRAM_OUTBOX_LIMIT"] = "20",
            ["TELEGRAM_OUTBOX_MAX_AGE_HOURS"] = "2",
            ["TELEGRAM_OUTBOX_RETRY_BASE_DELAY_MS"] = "500",
            ["TELEGRAM_OUTBOX_RETRY_MAX_DELAY_MS"] = "9000",
            ["TELEGRAM_OUTBOX_REMINDER_SECONDS"] = "30",
        });

        Assert.Equal(20, options.Limit);
        Assert.Equal(TimeSpan.FromHours(2), options.MaxAge);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(9), options.RetryMaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ReminderPeriod);
    }

    [Theory]
    [InlineData("TELEGRAM_OUTBOX_LIMIT", "0", "TELEGRAM_OUTBOX_LIMIT must be between 1 and 10000.")]
    [InlineData("TELEGRAM_OUTBOX_LIMIT", "many", "TELEGRAM_OUTBOX_LIMIT must be a number (got 'many').")]
    [InlineData("TELEGRAM_OUTBOX_REMINDER_SECONDS", "0.5", "TELEGRAM_OUTBOX_REMINDER_SECONDS must be at least 1.")]
    [InlineData("TELEGRAM_OUTBOX_RETRY_MAX_DELAY_MS", "1", "TELEGRAM_OUTBOX_RETRY_MAX_DELAY_MS at least as large")]
    public void Outbox_BadSetting_FailsNamingTheVariable(string key, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve<ChatOutboxOptions>(new() { [key] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static T Resolve<T>(Dictionary<string, string?> settings) where T : class
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddTelegramBot(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<T>>().Value;
    }
}
