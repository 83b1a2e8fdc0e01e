using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests.Client;

/// <summary>The per-attempt counter of Bot API calls, by method and result.</summary>
public sealed class MetricsTests : IClassFixture<StandInFixture>
{
    private readonly BotApiStandInServer _server;

    public MetricsTests(StandInFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    [Fact]
    public async Task CallsCounter_RetryThenSuccessThenFailure_CountsEachAttemptByResult()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        var meterFactory = harness.Services.GetRequiredService<IMeterFactory>();
        var measurements = new List<(string Method, string Result, long Value)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Name == "vibecoder.telegram.api.calls" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var tagMap = tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value?.ToString());
            lock (measurements)
            {
                measurements.Add((tagMap["method"]!, tagMap["result"]!, value));
            }
        });
        listener.Start();
        _server.InjectFailures("getMe", 1, BotApiFailure.ServerError(502));
        _server.InjectFailures("sendMessage", 1, BotApiFailure.BadRequest("chat not found"));

        _server.InjectFailures("sendMessage", 1, BotApiFailure.TooManyRequests(3));

        await harness.Client.GetMe().WaitAsync(TestFiles.Timeout);
        await Assert.ThrowsAsync<ApiRequestException>(() => harness.Client.SendMessage(1, "x").WaitAsync(TestFiles.Timeout));
        await Assert.ThrowsAnyAsync<ApiRequestException>(() => harness.Client.SendMessage(2, "y").WaitAsync(TestFiles.Timeout));

        lock (measurements)
        {
            Assert.Equal([("getMe", "retried", 1L), ("getMe", "ok", 1L), ("sendMessage", "400", 1L), ("sendMessage", "429", 1L)], measurements);
        }
    }
}
