using VibeCoder.TestServers.OpenAi;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests.Infrastructure;

/// <summary>
/// A Bot API stand-in, an OpenAI stand-in and a gateway in webhook mode over a temp SQLite file that writes content
/// through the real OpenAI client: one retry per call and a circuit breaker that opens after two failures for 1 s.
/// </summary>
public sealed class OpenAiBotFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vibecoder-telegram-llm-tests", Guid.NewGuid().ToString("N"));

    public BotApiStandInServer StandIn { get; private set; } = null!;

    public OpenAiStandInServer OpenAi { get; private set; } = null!;

    public GatewayHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        StandIn = await BotApiStandInServer.StartAsync();
        OpenAi = await OpenAiStandInServer.StartAsync();
        var settings = GatewayHost.Settings(StandIn, GatewayHost.NewDatabasePath(_folder));
        settings["OPENAI_API_KEY"] = "sk-bot-outage-test-key";
        settings["OPENAI_BASE_URL"] = OpenAi.BaseUrl.ToString();
        settings["Content:AttemptTimeout"] = "00:00:02";
        settings["Content:MaxRetryAttempts"] = "1";
        settings["Content:RetryBaseDelay"] = "00:00:00.010";
        settings["Content:RetryMaxDelay"] = "00:00:00.050";
        settings["Content:CircuitBreakerMinimumThroughput"] = "2";
        settings["Content:CircuitBreakerSamplingDuration"] = "00:00:10";
        settings["Content:CircuitBreakerBreakDuration"] = "00:00:01";
        settings["Carousel:OutageRetryMaxDelay"] = "00:00:00.500";
        settings["Carousel:WatchdogPeriod"] = "00:00:01";
        Host = GatewayHost.Start(settings);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Host.DisposeAsync();
            await OpenAi.DisposeAsync();
            await StandIn.DisposeAsync();
        }
        finally
        {
            TempFolder.Delete(_folder);
        }
    }
}
