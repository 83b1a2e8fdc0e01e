using VibeCoder.Grains.Outbox;
using VibeCoder.Grains.Telegram.Outbox;

namespace VibeCoder.Telegram.Bot.Tests.Outbox;

public sealed class OutboxQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Append_NewMessages_GetIncreasingSequenceNumbersInOrder()
    {
        var (next, added, overflow) = OutboxQueue.Append(new ChatOutboxState(), [Message("1:0"), Message("1:1"), Message("2:0")], Now, limit: 100);

        Assert.Equal(3, added);
        Assert.Empty(overflow);
        Assert.Equal(["1:0", "1:1", "2:0"], next.Pending.Select(entry => entry.Message.Key));
        Assert.Equal([0L, 1L, 2L], next.Pending.Select(entry => entry.Sequence));
        Assert.Equal(3, next.NextSequence);
    }

    [Fact]
    public void Append_KeyAlreadyQueued_IsNotQueuedTwice()
    {
        var (first, _, _) = OutboxQueue.Append(new ChatOutboxState(), [Message("7:0"), Message("7:1")], Now, limit: 100);

        // The update was handled again after a crash: the same replies come again, plus one the first run never reached.
        var (next, added, _) = OutboxQueue.Append(first, [Message("7:0"), Message("7:1"), Message("7:2")], Now, limit: 100);

        Assert.Equal(1, added);
        Assert.Equal(["7:0", "7:1", "7:2"], next.Pending.Select(entry => entry.Message.Key));
    }

    [Fact]
    public void Append_BeyondTheLimit_DropsTheOldest()
    {
        var (first, _, _) = OutboxQueue.Append(new ChatOutboxState(), [.. Enumerable.Range(0, 100).Select(i => Message($"1:{i}"))], Now, limit: 100);

        var (next, added, overflow) = OutboxQueue.Append(first, [Message("2:0"), Message("2:1")], Now, limit: 100);

        Assert.Equal(2, added);
        Assert.Equal(["1:0", "1:1"], overflow.Select(entry => entry.Message.Key));
        Assert.Equal(100, next.Pending.Count);
        Assert.Equal("1:2", next.Pending[0].Message.Key);
        Assert.Equal("2:1", next.Pending[^1].Message.Key);
    }

    [Fact]
    public void WithoutExpired_OlderThanMaxAge_AreDroppedAndTheRestKept()
    {
        var (old, _, _) = OutboxQueue.Append(new ChatOutboxState(), [Message("1:0")], Now - TimeSpan.FromHours(25), limit: 100);
        var (both, _, _) = OutboxQueue.Append(old, [Message("2:0")], Now - TimeSpan.FromHours(1), limit: 100);

        var (next, expired) = OutboxQueue.WithoutExpired(both, Now, TimeSpan.FromHours(24));

        Assert.Equal(["1:0"], expired.Select(entry => entry.Message.Key));
        Assert.Equal(["2:0"], next.Pending.Select(entry => entry.Message.Key));
    }

    [Fact]
    public void BackoffAfter_ManyFailures_StaysWithinTheMaximum()
    {
        var options = new ChatOutboxOptions { RetryBaseDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromSeconds(60) };

        Assert.InRange(options.BackoffAfter(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(options.BackoffAfter(3), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
        Assert.InRange(options.BackoffAfter(1_000), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));
    }

    private static OutgoingMessage Message(string key) => new(key, "42", "text " + key);
}
