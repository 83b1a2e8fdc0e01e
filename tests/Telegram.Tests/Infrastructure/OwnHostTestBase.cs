using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests.Infrastructure;

/// <summary>
/// Tests that start and stop their own gateway hosts (restarts, long outages) instead of sharing the fixture's: each
/// test gets its own Bot API stand-in and a folder for its database, removed afterwards.
/// </summary>
public abstract class OwnHostTestBase : IAsyncLifetime
{
    /// <summary>The folder for this test's database files.</summary>
    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "vibecoder-telegram-tests", Guid.NewGuid().ToString("N"));

    /// <summary>This test's Bot API stand-in.</summary>
    protected BotApiStandInServer StandIn { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        StandIn = await BotApiStandInServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await StandIn.DisposeAsync();
        }
        finally
        {
            TempFolder.Delete(Folder);
        }
    }
}
