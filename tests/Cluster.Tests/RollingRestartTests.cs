using System.Globalization;
using System.Text.RegularExpressions;
using VibeCoder.Cluster.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;
using Xunit.Abstractions;

namespace VibeCoder.Cluster.Tests;

/// <summary>
/// A rolling restart of every silo, one at a time (SIGTERM, exit, start, ready: what a Deployment rollout does), under a
/// steady webhook load: every update is answered once, in the order the chat sent it.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed partial class RollingRestartTests(ProcessCluster cluster, ITestOutputHelper output)
{
    private const int Chats = 8;
    private static readonly TimeSpan SendEvery = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Webhook_RollingRestartOfAllSilos_NoUpdateLostNoneHandledTwiceChatOrderKept()
    {
        var gateways = cluster.Gateways.Select(ProcessCluster.ClientFor).ToArray();
        var webhook = new Webhook(gateways);
        var chats = TestChats.Create(Chats);
        var sent = new int[Chats];
        using var stop = new CancellationTokenSource();
        var stops = new List<string>();
        try
        {
            // Each chat sends its numbered commands one after another (the next once the previous was accepted), as
            // Telegram delivers one chat's updates; chats run side by side.
            var load = chats.Select(chat => SendAsync(chat, stop.Token)).ToArray();
            foreach (var silo in cluster.Silos)
            {
                var (took, exitCode) = await silo.StopAsync(TimeSpan.FromSeconds(40));
                Assert.Equal(0, exitCode);
                stops.Add(string.Create(CultureInfo.InvariantCulture, $"{took.TotalSeconds:0.0}"));
                silo.Start();
                await silo.WaitUntilReadyAsync(ProcessCluster.StartTimeout);
            }

            await stop.CancelAsync();
            await Task.WhenAll(load);

            var calls = await cluster.Telegram.WaitForCallsAsync(
                all => chats.All(chat => Answers(all, chat).Count >= sent[chat.Index]), AnswerTimeout);
            foreach (var chat in chats)
            {
                Assert.Equal(Enumerable.Range(1, sent[chat.Index]), Answers(calls, chat));
            }

            output.WriteLine($"rolling-restart: updates={sent.Sum()} chats={Chats} webhook_retries={webhook.Retries} graceful_stops_s=[{string.Join(", ", stops)}]");
        }
        finally
        {
            await stop.CancelAsync();
            await cluster.EnsureAllRunningAsync();
        }

        async Task SendAsync(TestChat chat, CancellationToken cancellationToken)
        {
            using var pace = new PeriodicTimer(SendEvery);
            for (var n = 1; !cancellationToken.IsCancellationRequested; n++)
            {
                var update = BotApiUpdates.TextMessage(chat.Id, chat.Id, $"/n{n}", messageId: n, updateId: chat.FirstUpdateId + n);
                await webhook.PostAsync(update, chat.Index + n, CancellationToken.None);
                sent[chat.Index] = n;
                try
                {
                    await pace.WaitForNextTickAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // The bot answers an unknown command "/nK" naming it, so the answers show which update each one is for.
    private static List<int> Answers(IReadOnlyList<BotApiCall> calls, TestChat chat) =>
        [.. calls
            .Where(call => call.Method == "sendMessage" && call.ChatId == chat.Id && call.StatusCode == 200)
            .Select(call => NumberedCommand().Match(call.Text ?? ""))
            .Where(match => match.Success)
            .Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"/n(\d+)\b")]
    private static partial Regex NumberedCommand();
}
