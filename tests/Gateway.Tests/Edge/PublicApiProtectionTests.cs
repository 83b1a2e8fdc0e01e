using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VibeCoder.Gateway.Edge;
using VibeCoder.Gateway.Telegram;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Gateway.Tests.Edge;

/// <summary>
/// The public API as the internet sees it. Each test has client addresses of its own, so the shared gateway's
/// limiter partitions do not meet. An empty topic is refused by validation (400) after the limiter has counted the
/// request, so most tests spend the limit without starting carousels.
/// </summary>
[Collection(PublicApiCollection.Name)]
public sealed class PublicApiProtectionTests(PublicApiFixture fixture)
{
    private const int Limit = PublicApiFixture.PermitsPerMinute;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CreateCarousel_PastTheLimit_Returns429ProblemWithRetryAfterAndLogsOneLine()
    {
        using var client = fixture.ClientFrom("127.0.0.10");
        for (var i = 0; i < Limit; i++)
        {
            using var accepted = await client.PostAsJsonAsync("/api/carousels", new { topic = $"Rate limited topic {i}", slides = 3 }).WaitAsync(Timeout);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var refused = await client.PostAsJsonAsync("/api/carousels", new { topic = "One too many", slides = 3 }).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60 / Limit));
        var lines = fixture.Log.Where(line => line.Contains("Rate limit", StringComparison.Ordinal) && line.Contains("127.0.0.10", StringComparison.Ordinal)).ToArray();
        Assert.Single(lines);
        Assert.Contains("Retry-After", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCarousel_OneClientLimited_AnotherAddressIsNotAffected()
    {
        using var limited = fixture.ClientFrom("127.0.0.11");
        using var other = fixture.ClientFrom("127.0.0.12");
        await SpendTheLimitAsync(limited);

        Assert.Equal(HttpStatusCode.TooManyRequests, await PostEmptyTopicAsync(limited));
        Assert.Equal(HttpStatusCode.BadRequest, await PostEmptyTopicAsync(other));
    }

    [Fact]
    public async Task ForwardedFor_FromTrustedProxy_PartitionsByTheForwardedAddress()
    {
        using var proxy = fixture.ClientFrom(PublicApiFixture.TrustedProxy);
        await SpendTheLimitAsync(proxy, forwardedFor: "198.51.100.1");

        Assert.Equal(HttpStatusCode.TooManyRequests, await PostEmptyTopicAsync(proxy, forwardedFor: "198.51.100.1"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostEmptyTopicAsync(proxy, forwardedFor: "198.51.100.2"));
        Assert.Contains(fixture.Log, line => line.Contains("Rate limit", StringComparison.Ordinal) && line.Contains("198.51.100.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForwardedFor_FromUntrustedAddress_IsIgnored()
    {
        using var untrusted = fixture.ClientFrom("127.0.0.13");
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, await PostEmptyTopicAsync(untrusted, forwardedFor: $"198.51.100.{20 + i}"));
        }

        // A fresh forwarded address each time, yet the socket's address is the client: limited.
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostEmptyTopicAsync(untrusted, forwardedFor: "198.51.100.99"));
    }

    [Fact]
    public async Task ApiKey_ValidInEitherHeader_LiftsTheLimit()
    {
        using var client = fixture.ClientFrom("127.0.0.14");
        for (var i = 0; i < Limit + 3; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, await PostEmptyTopicAsync(client, apiKey: PublicApiFixture.ApiKey));
            Assert.Equal(HttpStatusCode.BadRequest, await PostEmptyTopicAsync(client, bearer: PublicApiFixture.ApiKey));
        }

        // The keyed calls spent nothing of the address's own anonymous allowance.
        Assert.Equal(HttpStatusCode.BadRequest, await PostEmptyTopicAsync(client));
    }

    [Fact]
    public async Task ApiKey_Wrong_Returns401ProblemAndSpendsTheAddressLimit()
    {
        const string wrongKey = "not-the-key-but-long-enough-0123456789";
        using var client = fixture.ClientFrom("127.0.0.15");

        using var refused = await SendAsync(client, HttpMethod.Post, "/api/carousels", EmptyTopic(), apiKey: wrongKey);
        using var get = await SendAsync(client, HttpMethod.Get, $"/api/carousels/{Guid.NewGuid():N}", content: null, bearer: wrongKey);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(refused.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        for (var i = 1; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await PostEmptyTopicAsync(client, apiKey: wrongKey));
        }

        // Guessing keys is as slow as the limit.
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostEmptyTopicAsync(client, apiKey: wrongKey));
        Assert.DoesNotContain(fixture.Log, line => line.Contains(wrongKey, StringComparison.Ordinal) || line.Contains(PublicApiFixture.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateCarousel_UserIdWithoutKey_Returns401_WithKey_Accepted()
    {
        using var client = fixture.ClientFrom("127.0.0.16");
        var body = new { topic = "Acting for a user", slides = 3, userId = "api-user-" + Guid.NewGuid().ToString("N") };

        using var anonymous = await client.PostAsJsonAsync("/api/carousels", body).WaitAsync(Timeout);
        using var keyed = await SendAsync(client, HttpMethod.Post, "/api/carousels", JsonContent.Create(body), apiKey: PublicApiFixture.ApiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Accepted, keyed.StatusCode);
    }

    [Fact]
    public async Task Webhook_HealthAndMetrics_AfterTheApiLimitIsHit_AreNeverLimited()
    {
        using var client = fixture.ClientFrom("127.0.0.17");
        await SpendTheLimitAsync(client);
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostEmptyTopicAsync(client));

        for (var i = 0; i < Limit * 5; i++)
        {
            var update = BotApiUpdates.StickerMessage(chatId: 7100 + i, userId: 7100 + i, updateId: 710_000 + i);
            using var content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookApi.Path) { Content = content };
            request.Headers.Add(TelegramWebhookApi.SecretHeader, PublicApiFixture.WebhookSecret);
            using var response = await client.SendAsync(request).WaitAsync(Timeout);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var live = await client.GetAsync("/health/live").WaitAsync(Timeout);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            using var metrics = await client.GetAsync("/metrics").WaitAsync(Timeout);
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CreateCarousel_BodyOverOneMebibyte_Returns413Problem(bool chunked)
    {
        using var client = fixture.ClientFrom("127.0.0.18");
        var json = Encoding.UTF8.GetBytes("{\"topic\":\"" + new string('a', (int)PublicApiProtectionExtensions.MaxApiBodyBytes) + "\"}");
        HttpContent content = chunked ? new StreamContent(new MemoryStream(json)) : new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/carousels") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        request.Headers.Add("X-Api-Key", PublicApiFixture.ApiKey);

        using var response = await client.SendAsync(request).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CreateCarousel_BodyJustUnderOneMebibyte_IsRead()
    {
        using var client = fixture.ClientFrom("127.0.0.19");
        var padding = new string(' ', (int)PublicApiProtectionExtensions.MaxApiBodyBytes - 20);
        using var content = new StringContent("{\"topic\":\"\"" + padding + "}", Encoding.UTF8, "application/json");

        using var response = await SendAsync(client, HttpMethod.Post, "/api/carousels", content, apiKey: PublicApiFixture.ApiKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // read and validated: the topic is empty
    }

    [Fact]
    public async Task CreateCarousel_MultipartAndJson_SpendTheSameLimit()
    {
        using var client = fixture.ClientFrom("127.0.0.20");
        for (var i = 0; i < Limit; i++)
        {
            using var form = new MultipartFormDataContent { { new StringContent(string.Empty), "topic" } };
            using var refused = await SendAsync(client, HttpMethod.Post, "/api/carousels", i % 2 == 0 ? form : EmptyTopic());
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using var last = new MultipartFormDataContent { { new StringContent("A topic past the limit"), "topic" } };
        using var limited = await SendAsync(client, HttpMethod.Post, "/api/carousels", last);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task CreateCarousel_NoContentType_IsAClientErrorNotAmbiguous()
    {
        using var client = fixture.ClientFrom("127.0.0.21");
        using var content = new ByteArrayContent("{\"topic\":\"x\"}"u8.ToArray());

        using var response = await SendAsync(client, HttpMethod.Post, "/api/carousels", content, apiKey: PublicApiFixture.ApiKey);

        Assert.InRange((int)response.StatusCode, 400, 415);
    }

    private static async Task SpendTheLimitAsync(HttpClient client, string? forwardedFor = null)
    {
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, await PostEmptyTopicAsync(client, forwardedFor));
        }
    }

    private static async Task<HttpStatusCode> PostEmptyTopicAsync(HttpClient client, string? forwardedFor = null, string? apiKey = null, string? bearer = null)
    {
        using var response = await SendAsync(client, HttpMethod.Post, "/api/carousels", EmptyTopic(), forwardedFor, apiKey, bearer);
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, HttpContent? content, string? forwardedFor = null, string? apiKey = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request).WaitAsync(Timeout);
    }

    private static StringContent EmptyTopic() => new("{\"topic\":\"\"}", Encoding.UTF8, "application/json");
}
