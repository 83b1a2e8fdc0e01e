using VibeCoder.TestServers.OpenAi;

namespace VibeCoder.Content.Tests.OpenAi;

/// <summary>One stand-in server for the OpenAI tests of a class; each test resets it.</summary>
public sealed class OpenAiStandInFixture : IAsyncLifetime
{
    private OpenAiStandInServer? _server;

    public OpenAiStandInServer Server => _server ?? throw new InvalidOperationException("The stand-in server has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _server = await OpenAiStandInServer.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
