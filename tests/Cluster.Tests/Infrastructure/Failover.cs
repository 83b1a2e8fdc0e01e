using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Cluster.Tests.Infrastructure;

/// <summary>
/// How long jobs stalled by a kill took to resume, read from the outside: for each chat whose carousel was under way
/// when the silo died (a bot call before the kill, no album yet), the time from the kill to the chat's next Bot API
/// call. Jobs on surviving silos resume at once; those on the dead silo wait for failure detection and the watchdog.
/// </summary>
internal sealed record Failover(int InFlight, TimeSpan Median, TimeSpan Max)
{
    public static Failover Measure(IReadOnlyList<BotApiCall> calls, IReadOnlySet<long> chats, DateTimeOffset killedAt)
    {
        var gaps = calls
            .Where(call => call.ChatId is { } chat && chats.Contains(chat) && call.StatusCode == 200)
            .GroupBy(call => call.ChatId!.Value)
            .Where(chat => chat.Any(call => call.At < killedAt) && !chat.Any(call => call.Method == "sendMediaGroup" && call.At < killedAt))
            .Select(chat => chat.Where(call => call.At >= killedAt).Select(call => call.At - killedAt).DefaultIfEmpty(TimeSpan.Zero).Min())
            .Order()
            .ToArray();
        return gaps.Length == 0 ? new Failover(0, TimeSpan.Zero, TimeSpan.Zero) : new Failover(gaps.Length, gaps[gaps.Length / 2], gaps[^1]);
    }
}
