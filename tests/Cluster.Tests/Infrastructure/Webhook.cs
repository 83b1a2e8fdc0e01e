using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace VibeCoder.Cluster.Tests.Infrastructure;

/// <summary>
/// Posts updates to the gateways' webhook as Telegram does: an update that gets no 200 (a gateway down, a 503) is
/// posted again, with the same update_id, until one answers 200 — through the next gateway, as the ingress would route it.
/// </summary>
internal sealed class Webhook(IReadOnlyList<HttpClient> gateways)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);
    private int _retries;

    /// <summary>Posts that had to be repeated (each a refused or failed delivery Telegram would retry).</summary>
    public int Retries => _retries;

    /// <summary>Posts <paramref name="update"/> to gateway <paramref name="preferred"/> (mod count) until it is accepted.</summary>
    public async Task PostAsync(JsonObject update, int preferred, CancellationToken cancellationToken)
    {
        var body = update.ToJsonString();
        var started = Stopwatch.StartNew();
        var lastFailure = "";
        for (var attempt = 0; ; attempt++)
        {
            var gateway = gateways[(preferred + attempt) % gateways.Count];
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = content };
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", ClusterEnvironment.WebhookSecret);
                using var response = await gateway.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastFailure = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Telegram treats a dropped connection like any non-200: it delivers the update again.
                lastFailure = error.Message;
            }

            Interlocked.Increment(ref _retries);
            if (started.Elapsed > GiveUpAfter)
            {
                throw new TimeoutException($"No gateway accepted update {update["update_id"]} within {GiveUpAfter}; last answer: {lastFailure}");
            }

            // Telegram's own retry pause, shortened: the next attempt goes to the next gateway.
            await Task.Delay(RetryPause, cancellationToken);
        }
    }

    /// <summary>The job id the bot derives from a topic message (chat and update id), as <c>JobIds.ForUpdate</c> does.</summary>
    public static string JobIdFor(long chatId, long updateId)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(FormattableString.Invariant($"telegram:{chatId}:{updateId}")));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
