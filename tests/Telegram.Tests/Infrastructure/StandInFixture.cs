using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests.Infrastructure;

/// <summary>One Bot API stand-in per test class; tests of a class run one at a time and reset it first.</summary>
public sealed class StandInFixture : IAsyncLifetime
{
    public BotApiStandInServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await BotApiStandInServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
