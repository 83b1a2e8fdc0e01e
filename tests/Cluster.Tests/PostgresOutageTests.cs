using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VibeCoder.Cluster.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Cluster.Tests;

/// <summary>
/// PostgreSQL goes away under the process cluster (client-mode gateways, silos on PostgreSQL) and comes back: requests
/// that cannot be served get 503 with Retry-After, never 500; readiness drops and returns by itself; webhook updates that
/// could not be stored are refused so Telegram delivers them again; whatever got a 2xx completes.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class PostgresOutageTests(ProcessCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ClientGateways_PostgresDown_Answer503AndNotReadyThenRecoverWithoutRestartAndCompleteEveryAcceptedJob()
    {
        var gateways = cluster.Gateways.Select(ProcessCluster.ClientFor).ToArray();
        var hosts = cluster.Silos.Concat(cluster.Gateways).ToArray();
        var chat = TestChats.Create(1)[0];
        var acceptedBefore = await CreateAsync(gateways[0], "Before the database goes away");
        Assert.Equal(HttpStatusCode.Accepted, acceptedBefore.Status);

        var during = new List<HttpStatusCode>();
        HttpResponseMessage refused;
        HttpStatusCode webhookDuring;
        await cluster.Postgres.StopServerAsync(immediate: true);
        try
        {
            // Until every host noticed: each request either is refused with 503 or (already in flight) accepted.
            refused = await UntilAsync(async () =>
            {
                var response = await PostAsync(gateways[during.Count % gateways.Length], $"While the database is down {during.Count}");
                during.Add(response.StatusCode);
                return response.StatusCode == HttpStatusCode.ServiceUnavailable ? response : null;
            });
            webhookDuring = await PostUpdateAsync(gateways[1], BotApiUpdates.TextMessage(chat.Id, chat.Id, "/help", 1, chat.UpdateId(0)));
            await UntilAsync(async () => (await Task.WhenAll(hosts.Select(ReadyAsync))).All(ready => !ready) ? true : (bool?)null);
        }
        finally
        {
            await cluster.Postgres.StartServerAsync();
        }

        Assert.DoesNotContain(HttpStatusCode.InternalServerError, during);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.False(webhookDuring is >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices, $"the webhook answered {webhookDuring} while nothing could be stored");

        // Back by itself: every host ready again, new work accepted, the refused update accepted when Telegram redelivers it.
        await UntilAsync(async () => (await Task.WhenAll(hosts.Select(ReadyAsync))).All(ready => ready) ? true : (bool?)null);
        var acceptedAfter = await CreateAsync(gateways[1], "After the database is back");
        Assert.Equal(HttpStatusCode.Accepted, acceptedAfter.Status);
        await new Webhook(gateways).PostAsync(BotApiUpdates.TextMessage(chat.Id, chat.Id, "/help", 1, chat.UpdateId(0)), 0, CancellationToken.None);
        await cluster.Telegram.WaitForCallAsync(
            call => call.Method == "sendMessage" && call.ChatId == chat.Id && call.StatusCode == 200 && call.Text!.Contains("How it works", StringComparison.Ordinal),
            Timeout);

        Assert.Equal("completed", await WaitForFinalAsync(gateways[0], acceptedBefore.Id!));
        Assert.Equal("completed", await WaitForFinalAsync(gateways[1], acceptedAfter.Id!));
    }

    private static async Task<(HttpStatusCode Status, string? Id)> CreateAsync(HttpClient gateway, string topic)
    {
        // Accepted work is retried after Retry-After as a client would, until the cluster takes it.
        using var response = await UntilAsync(async () =>
        {
            var attempt = await PostAsync(gateway, topic);
            return attempt.StatusCode == HttpStatusCode.ServiceUnavailable ? null : attempt;
        });
        var id = response.StatusCode == HttpStatusCode.Accepted ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString() : null;
        return (response.StatusCode, id);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient gateway, string topic) =>
        gateway.PostAsJsonAsync("/api/carousels", new { topic, slides = 3, userId = "pg-outage-" + Guid.NewGuid().ToString("N")[..8] });

    private static async Task<HttpStatusCode> PostUpdateAsync(HttpClient gateway, JsonObject update)
    {
        using var content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = content };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", ClusterEnvironment.WebhookSecret);
        using var response = await gateway.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<bool> ReadyAsync(HostProcess host)
    {
        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await client.GetAsync("/health/ready");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<string> WaitForFinalAsync(HttpClient gateway, string id)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            using var response = await gateway.GetAsync($"/api/carousels/{id}?waitSeconds=20", deadline.Token);
            var status = (await response.Content.ReadFromJsonAsync<JsonElement>(deadline.Token)).GetProperty("status").GetString()!;
            if (status is "completed" or "failed" or "cancelled")
            {
                return status;
            }
        }
    }

    // Polls until the probe gives a value; the pause is the polling interval, the deadline the bound.
    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached within {Timeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
