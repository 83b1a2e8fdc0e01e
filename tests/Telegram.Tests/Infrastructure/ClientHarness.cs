using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Grains.Telegram.Configuration;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests.Infrastructure;

/// <summary>
/// The Bot API client as the service composes it (<c>AddTelegramBotClient</c> from configuration), pointed at a
/// stand-in, with fast retries, pacing out of the way unless a test sets it, and every log line captured.
/// </summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    private ClientHarness(ServiceProvider services, LogCapture logs)
    {
        Services = services;
        Logs = logs;
        Client = services.GetRequiredService<ITelegramBotClient>();
    }

    public ServiceProvider Services { get; }

    public LogCapture Logs { get; }

    public ITelegramBotClient Client { get; }

    public static ClientHarness Create(
        Uri baseAddress, Action<TelegramOptions>? configure = null, TimeProvider? time = null, string token = BotApiStandInServer.DefaultToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [TelegramOptions.BotTokenKey] = token,
                [TelegramOptions.ApiBaseUrlKey] = baseAddress.ToString(),
            })
            .Build();
        var logs = new LogCapture();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddTelegramBotClient(configuration);
        services.Configure<TelegramOptions>(options =>
        {
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            options.RetryMaxDelay = TimeSpan.FromMilliseconds(5);
            options.MaxAttempts = 3;
            options.RequestTimeout = TimeSpan.FromSeconds(10);
            options.PerChatMessagesPerSecond = 10_000;
            options.PerChatBurst = 10_000;
            options.GlobalMessagesPerSecond = 10_000;
            options.GlobalBurst = 10_000;
            configure?.Invoke(options);
        });
        return new ClientHarness(services.BuildServiceProvider(), logs);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
