using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Grains.Telegram.Configuration;

namespace VibeCoder.Telegram.Bot.Tests.Client;

/// <summary>Binding from TELEGRAM_* keys and the one-line validation errors that stop start-up.</summary>
public sealed class TelegramOptionsTests
{
    private const string Token = "123456:ABC-def_ghi";

    [Fact]
    public void EffectiveMode_NoToken_IsOff()
    {
        var options = Bind([]);

        Assert.Equal(TelegramMode.Off, options.EffectiveMode);
        Assert.Equal("https://api.telegram.org", options.ApiBaseUrl);
    }

    [Fact]
    public void EffectiveMode_TokenOnly_IsPolling()
    {
        Assert.Equal(TelegramMode.Polling, Bind([("TELEGRAM_BOT_TOKEN", Token)]).EffectiveMode);
    }

    [Fact]
    public void EffectiveMode_TokenAndWebhookUrl_IsWebhook()
    {
        var options = Bind([("TELEGRAM_BOT_TOKEN", Token), ("TELEGRAM_WEBHOOK_URL", "https://bot.example.test/telegram/webhook")]);

        Assert.Equal(TelegramMode.Webhook, options.EffectiveMode);
    }

    [Fact]
    public void EffectiveMode_ExplicitOffWithToken_IsOff()
    {
        Assert.Equal(TelegramMode.Off, Bind([("TELEGRAM_BOT_TOKEN", Token), ("TELEGRAM_MODE", "OFF")]).EffectiveMode);
    }

    [Fact]
    public void Bind_PacingAndRetryKeys_AreRead()
    {
        var options = Bind([
            ("TELEGRAM_MAX_ATTEMPTS", "6"),
            ("TELEGRAM_RETRY_BASE_DELAY_MS", "250"),
            ("TELEGRAM_PER_CHAT_BURST", "5"),
            ("TELEGRAM_GLOBAL_MESSAGES_PER_SECOND", "25.5"),
            ("TELEGRAM_REQUEST_TIMEOUT_SECONDS", "12"),
        ]);

        Assert.Equal(6, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.RetryBaseDelay);
        Assert.Equal(5, options.PerChatBurst);
        Assert.Equal(25.5, options.GlobalMessagesPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(12), options.RequestTimeout);
        Assert.Equal(1.0, options.RetryAfterScale);
    }

    [Theory]
    [InlineData("TELEGRAM_MODE", "webhook", "TELEGRAM_WEBHOOK_URL is required when TELEGRAM_MODE is webhook.")]
    [InlineData("TELEGRAM_MODE", "carrier-pigeon", "TELEGRAM_MODE must be one of webhook, polling, off (got 'carrier-pigeon').")]
    [InlineData("TELEGRAM_API_BASE_URL", "ftp://files.example.test", "TELEGRAM_API_BASE_URL must be an absolute http or https URL")]
    [InlineData("TELEGRAM_API_BASE_URL", "not a url", "TELEGRAM_API_BASE_URL must be an absolute http or https URL")]
    [InlineData("TELEGRAM_API_BASE_URL", "http://127.0.0.1:8081/telegram", "TELEGRAM_API_BASE_URL must be an absolute http or https URL without a path")]
    [InlineData("TELEGRAM_PACING_QUEUE_LIMIT", "0", "TELEGRAM_PACING_QUEUE_LIMIT must be at least 1.")]
    [InlineData("TELEGRAM_WEBHOOK_URL", "http://bot.example.test/hook", "TELEGRAM_WEBHOOK_URL must be an absolute https URL")]
    [InlineData("TELEGRAM_WEBHOOK_SECRET", "has spaces in it", "TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -.")]
    [InlineData("TELEGRAM_MAX_ATTEMPTS", "many", "TELEGRAM_MAX_ATTEMPTS must be a number (got 'many').")]
    [InlineData("TELEGRAM_MAX_ATTEMPTS", "0", "TELEGRAM_MAX_ATTEMPTS must be between 1 and 20.")]
    [InlineData("TELEGRAM_PER_CHAT_MESSAGES_PER_SECOND", "0", "TELEGRAM_PER_CHAT_MESSAGES_PER_SECOND must be greater than 0.")]
    public void Validate_InvalidSetting_FailsNamingTheKey(string key, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind([("TELEGRAM_BOT_TOKEN", Token), (key, value)]));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith(expected, failure);
    }

    [Fact]
    public void Validate_PollingWithoutToken_FailsNamingTheToken()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind([("TELEGRAM_MODE", "polling")]));

        Assert.Equal("TELEGRAM_BOT_TOKEN is required when TELEGRAM_MODE is polling.", Assert.Single(error.Failures));
    }

    [Fact]
    public void Validate_MalformedToken_FailsWithoutQuotingIt()
    {
        const string secretLooking = "1234567-SuperSecretValue";

        var error = Assert.Throws<OptionsValidationException>(() => Bind([("TELEGRAM_BOT_TOKEN", secretLooking)]));

        Assert.StartsWith("TELEGRAM_BOT_TOKEN is malformed", Assert.Single(error.Failures));
        Assert.DoesNotContain("SuperSecretValue", error.Message);
    }

    [Fact]
    public async Task HostStart_InvalidOptions_StopsStartUp()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddTelegramBotClient(Configuration([("TELEGRAM_MODE", "webhook"), ("TELEGRAM_BOT_TOKEN", Token)]));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("TELEGRAM_WEBHOOK_URL", error.Message);
    }

    [Fact]
    public async Task GetClient_ModeOffWithoutToken_ResolvesButCallsExplain()
    {
        await using var services = new ServiceCollection().AddTelegramBotClient(Configuration([])).BuildServiceProvider();
        var client = services.GetRequiredService<ITelegramBotClient>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetMe());

        Assert.Contains("TELEGRAM_BOT_TOKEN", error.Message);
    }

    private static TelegramOptions Bind((string Key, string Value)[] settings)
    {
        using var services = new ServiceCollection().AddTelegramBotClient(Configuration(settings)).BuildServiceProvider();
        return services.GetRequiredService<IOptions<TelegramOptions>>().Value;
    }

    private static IConfiguration Configuration((string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build();
}
