using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using VibeCoder.Grains.Events;
using VibeCoder.Grains.Telegram;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;

namespace VibeCoder.Telegram.Bot.Tests;

[Collection(BotCollection.Name)]
public sealed class EventTests(BotFixture bot)
{
    [Fact]
    public async Task Command_PublishesSessionMessageAndCommandEventsWithTheUpdatesCorrelationId()
    {
        var chat = BotFixture.NewChat();
        var userEvents = await SubscribeAsync(EventNamespaces.User, chat.UserIdText);
        var updateId = BotFixture.NextUpdateId();

        await bot.Host.SendAsync(chat.Text("/carousel", updateId));

        var events = await userEvents.WaitForAsync(3);
        Assert.Equal([EventTypes.UserSessionCreated, EventTypes.UserMessageReceived, EventTypes.CommandExecuted], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal("tg-" + updateId, e.Metadata.CorrelationId));
        Assert.All(events, e => Assert.Equal(chat.UserIdText, e.Metadata.UserId));
        var command = events[2].ReadData<CommandExecuted>();
        Assert.Equal("/carousel", command.Command);
        Assert.Equal(chat.ChatId, command.ChatId);
        Assert.Equal("/carousel", events[1].ReadData<UserMessageReceived>().Text);
    }

    [Fact]
    public async Task ButtonPress_PublishesAnInteraction()
    {
        var chat = BotFixture.NewChat();
        var analytics = await SubscribeAsync(EventNamespaces.Analytics, chat.UserIdText);
        await bot.SayAsync(chat, "/settings");
        var settings = await bot.WaitForMessageAsync(chat, "Settings");

        await bot.PressAsync(chat, "s:t", settings.MessageId!.Value);

        var interaction = Assert.Single(await analytics.WaitForAsync(1));
        Assert.Equal("settings.t", interaction.ReadData<UserInteractionTracked>().Action);
    }

    private async Task<EventLog> SubscribeAsync(string @namespace, string key)
    {
        var log = new EventLog();
        var stream = bot.Host.Services.GetRequiredService<IClusterClient>().GetStreamProvider(TelegramStreams.ProviderName)
            .GetStream<EventEnvelope>(StreamId.Create(@namespace, key));
        await stream.SubscribeAsync((envelope, _) => log.Add(envelope), _ => Task.CompletedTask, () => Task.CompletedTask);
        return log;
    }

    private sealed class EventLog
    {
        private readonly ConcurrentQueue<EventEnvelope> _events = new();
        private readonly SemaphoreSlim _arrived = new(0);

        public Task Add(EventEnvelope envelope)
        {
            _events.Enqueue(envelope);
            _arrived.Release();
            return Task.CompletedTask;
        }

        public async Task<IReadOnlyList<EventEnvelope>> WaitForAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(await _arrived.WaitAsync(BotFixture.Timeout), $"Only {i} of {count} events arrived.");
            }

            return _events.ToArray();
        }
    }
}
