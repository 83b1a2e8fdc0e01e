namespace VibeCoder.Cluster.Tests.Infrastructure;

/// <summary>Fresh private chats (chat id = user id) with their own update ids, unique across runs against one cluster.</summary>
internal sealed record TestChat(int Index, long Id, long FirstUpdateId)
{
    public long UpdateId(int n) => FirstUpdateId + n;

    /// <summary>The job the chat's third update (its topic) starts.</summary>
    public string JobId => Webhook.JobIdFor(Id, UpdateId(2));
}

internal static class TestChats
{
    // Telegram's update_id is a 32-bit number: keep ids small, and apart between runs against one database.
    private static long _next = DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 10_000 * 1_000;

    public static TestChat[] Create(int count)
    {
        var first = Interlocked.Add(ref _next, count) - count;
        return [.. Enumerable.Range(0, count).Select(i => new TestChat(i, 5_000_000_000 + first + i, 1_000_000 + (first + i) * 10))];
    }
}
