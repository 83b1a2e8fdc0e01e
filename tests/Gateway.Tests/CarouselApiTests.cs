using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using VibeCoder.Gateway.Apis;
using VibeCoder.Grains.Users;

namespace VibeCoder.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class CarouselApiTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Post_ValidTopic_CompletesWithSevenPortraitSlidesZipAndPdf()
    {
        var accepted = await Client.PostAsJsonAsync("/api/carousels", new { topic = "How to build a morning routine that sticks" }).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var created = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("queued", created.GetProperty("status").GetString());
        Assert.Equal($"/api/carousels/{id}", accepted.Headers.Location?.ToString());

        var job = await WaitForFinalAsync(id);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        var slides = job.GetProperty("slides");
        Assert.Equal(7, slides.GetArrayLength());
        Assert.False(string.IsNullOrWhiteSpace(job.GetProperty("caption").GetString()));
        Assert.InRange(job.GetProperty("hashtags").GetArrayLength(), 1, 5);
        foreach (var slide in slides.EnumerateArray())
        {
            var png = await Client.GetByteArrayAsync(slide.GetProperty("imageUrl").GetString()).WaitAsync(Timeout);
            Assert.Equal((1080, 1350), PngInfo.Size(png));
        }

        using var zip = new ZipArchive(new MemoryStream(await Client.GetByteArrayAsync($"/api/carousels/{id}/archive.zip").WaitAsync(Timeout)));
        Assert.Equal(7, zip.Entries.Count(e => e.Name.EndsWith(".png", StringComparison.Ordinal)));
        Assert.Contains(zip.Entries, e => e.Name == "caption.txt");

        var pdf = await Client.GetByteArrayAsync($"/api/carousels/{id}/archive.pdf").WaitAsync(Timeout);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        Assert.Equal(7, CountPdfPages(pdf));
    }

    [Fact]
    public async Task Post_SquareSizeFiveSlidesRussian_RendersSquareSlidesInRussian()
    {
        var response = await Client.PostAsJsonAsync("/api/carousels", new { topic = "Как выспаться за 6 часов 😴", slides = 5, theme = "sunrise", size = "square" }).WaitAsync(Timeout);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var job = await WaitForFinalAsync(id);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(5, job.GetProperty("slides").GetArrayLength());
        Assert.Equal("sunrise", job.GetProperty("theme").GetString());
        Assert.Matches("[А-Яа-я]", job.GetProperty("slides")[1].GetProperty("heading").GetString());
        Assert.Equal((1080, 1080), PngInfo.Size(await Client.GetByteArrayAsync($"/api/carousels/{id}/slides/1.png").WaitAsync(Timeout)));
    }

    [Theory]
    [InlineData("{\"topic\":\"\"}", "topic")]
    [InlineData("{\"topic\":\"ok topic\",\"slides\":2}", "slides")]
    [InlineData("{\"topic\":\"ok topic\",\"slides\":21}", "slides")]
    [InlineData("{\"topic\":\"ok topic\",\"theme\":\"rainbow\"}", "theme")]
    [InlineData("{\"topic\":\"ok topic\",\"language\":\"de\"}", "language")]
    [InlineData("{\"topic\":\"ok topic\",\"size\":\"huge\"}", "size")]
    [InlineData("{\"slides\":7}", "topic")]
    public async Task Post_InvalidField_Returns400ProblemNamingTheField(string body, string field)
    {
        var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Post_TopicOver500Characters_Returns400()
    {
        var response = await Client.PostAsJsonAsync("/api/carousels", new { topic = new string('a', 501) }).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400Problem()
    {
        var response = await PostRawAsync("{\"topic\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_HostileTopic_IsStoredCleanedAndRenders()
    {
        var hostile = "<b>Bold</b> & <script>alert(1)</script>\u0000\u0007 " + new string('x', 100);
        var response = await Client.PostAsJsonAsync("/api/carousels", new { topic = hostile, slides = 3 }).WaitAsync(Timeout);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var job = await WaitForFinalAsync(id);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.DoesNotContain('\u0000', job.GetProperty("topic").GetString()!);
        Assert.Equal((1080, 1350), PngInfo.Size(await Client.GetByteArrayAsync($"/api/carousels/{id}/slides/1.png").WaitAsync(Timeout)));
    }

    [Fact]
    public async Task Quota_PastTheHourlyLimit_Returns429WithRetryAfter_AndDoesNotStartAJob()
    {
        var user = "quota-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < GatewayFixture.QuotaPerHour; i++)
        {
            var ok = await Client.PostAsJsonAsync("/api/carousels", new { topic = $"Topic number {i}", slides = 3, userId = user }).WaitAsync(Timeout);
            Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        }

        var refused = await Client.PostAsJsonAsync("/api/carousels", new { topic = "One too many", slides = 3, userId = user }).WaitAsync(Timeout);

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Get_UnknownOrMalformedId_Returns404Problem()
    {
        var unknown = await Client.GetAsync($"/api/carousels/{Guid.NewGuid():N}").WaitAsync(Timeout);
        var malformed = await Client.GetAsync("/api/carousels/not-an-id").WaitAsync(Timeout);
        var slide = await Client.GetAsync($"/api/carousels/{Guid.NewGuid():N}/slides/1.png").WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, slide.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_SlideOutOfRange_Returns404()
    {
        var response = await Client.PostAsJsonAsync("/api/carousels", new { topic = "Three slide carousel", slides = 3 }).WaitAsync(Timeout);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await WaitForFinalAsync(id);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/carousels/{id}/slides/4.png").WaitAsync(Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/carousels/{id}/slides/0.png").WaitAsync(Timeout)).StatusCode);
    }

    [Fact]
    public async Task Cancel_FinishedJob_Returns409()
    {
        var response = await Client.PostAsJsonAsync("/api/carousels", new { topic = "Finished before cancel", slides = 3 }).WaitAsync(Timeout);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await WaitForFinalAsync(id);

        var cancel = await Client.PostAsync($"/api/carousels/{id}/cancel", null).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
    }

    [Fact]
    public async Task Health_LiveAndReady_Answer200()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live").WaitAsync(Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready").WaitAsync(Timeout)).StatusCode);
    }

    internal static int CountPdfPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;

    [Fact]
    public async Task Post_SameIdempotencyKeyTwice_AnswersTheSameJobAndStartsOnlyOne()
    {
        var user = "idempotent-" + Guid.NewGuid().ToString("N")[..8];
        var key = Guid.NewGuid().ToString();
        var body = new { topic = "Idempotent requests in practice", slides = 3, userId = user };

        using var first = await PostWithKeyAsync(body, key);
        using var retry = await PostWithKeyAsync(body, key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(id, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal("completed", (await WaitForFinalAsync(id)).GetProperty("status").GetString());
        var history = await fixture.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(user).GetHistory(10);
        Assert.Single(history);

        // Another user's identical key is another job; the same key with another body is refused.
        using var otherUser = await PostWithKeyAsync(new { topic = "Idempotent requests in practice", slides = 3, userId = user + "-other" }, key);
        Assert.Equal(HttpStatusCode.Accepted, otherUser.StatusCode);
        Assert.NotEqual(id, (await otherUser.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        using var reused = await PostWithKeyAsync(new { topic = "Something else entirely", slides = 3, userId = user }, key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_MalformedIdempotencyKey_Answers400AndStartsNothing()
    {
        using var tooLong = await PostWithKeyAsync(new { topic = "Keys have limits" }, new string('k', IdempotencyKey.MaxLength + 1));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var problem = await tooLong.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(IdempotencyKey.HeaderName, out _));
    }

    private async Task<HttpResponseMessage> PostWithKeyAsync(object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/carousels") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation(IdempotencyKey.HeaderName, key);
        return await Client.SendAsync(request).WaitAsync(Timeout);
    }

    private async Task<JsonElement> WaitForFinalAsync(string id)
    {
        // Long-poll: the server holds the answer until the job is final.
        var job = await Client.GetFromJsonAsync<JsonElement>($"/api/carousels/{id}?waitSeconds=25").WaitAsync(Timeout);
        Assert.Contains(job.GetProperty("status").GetString(), new[] { "completed", "failed", "cancelled" });
        return job;
    }

    private Task<HttpResponseMessage> PostRawAsync(string json) =>
        Client.PostAsync("/api/carousels", new StringContent(json, Encoding.UTF8, "application/json")).WaitAsync(Timeout);
}
