using Orleans;
using VibeCoder.Grains.Outbox;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests.Infrastructure;

/// <summary>Waiting on a chat's outbox and reading what reached a chat.</summary>
internal static class OutboxSteps
{
    /// <summary>Long-polls the chat's outbox until its snapshot satisfies <paramref name="predicate"/>.</summary>
    public static async Task<OutboxSnapshot> WaitForOutboxAsync(IGrainFactory grains, long chatId, Func<OutboxSnapshot, bool> predicate)
    {
        var outbox = grains.GetGrain<IChatOutboxGrain>(chatId);
        var deadline = DateTime.UtcNow + BotFixture.Timeout;
        var snapshot = await outbox.GetSnapshot().WaitAsync(BotFixture.Timeout);
        while (!predicate(snapshot))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Outbox of chat {chatId} never got there; it holds [{string.Join(", ", snapshot.Pending)}].");
            snapshot = await outbox.WaitForChange(snapshot.Version, TimeSpan.FromSeconds(5)).WaitAsync(BotFixture.Timeout);
        }

        return snapshot;
    }

    /// <summary>The texts of the messages that reached the chat, in the order the stand-in answered them.</summary>
    public static string[] DeliveredTexts(BotApiStandInServer standIn, long chatId) =>
        standIn.CallsTo("sendMessage").Where(call => call.ChatId == chatId && call.StatusCode == 200).Select(call => call.Text!).ToArray();

    /// <summary>Checks that exactly one delivered text contains each of <paramref name="expected"/>, in that order.</summary>
    public static void AssertEachOnceInOrder(string[] delivered, params string[] expected)
    {
        var positions = expected.Select(text =>
        {
            var matches = delivered.Select((message, index) => (message, index)).Where(pair => pair.message.Contains(text, StringComparison.Ordinal)).ToArray();
            Assert.True(matches.Length == 1, $"'{text}' arrived {matches.Length} times in [{string.Join(" | ", delivered)}].");
            return matches[0].index;
        }).ToArray();
        Assert.Equal(positions.Order(), positions);
    }
}
