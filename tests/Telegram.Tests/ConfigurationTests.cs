using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VibeCoder.Gateway.Telegram;
using VibeCoder.Grains.Telegram;
using VibeCoder.Grains.Telegram.Configuration;

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

    private static T Resolve<T>(Dictionary<string, string?> settings) where T : class
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddTelegramBot(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<T>>().Value;
    }
}
