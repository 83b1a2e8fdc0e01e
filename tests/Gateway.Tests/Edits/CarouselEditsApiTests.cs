using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using VibeCoder.Grains.Carousels;
using VibeCoder.Gateway.Edge;
using VibeCoder.Grains.Carousels.EditLinks;

namespace VibeCoder.Gateway.Tests.Edits;

[Collection(GatewayCollection.Name)]
public sealed class CarouselEditsApiTests(GatewayFixture fixture) : IDisposable
{
    private static readonly TimeSpan Timeout = EditableCarousel.Timeout;

    // No API key: what a browser holding an edit link is.
    private readonly HttpClient _anonymous = new() { BaseAddress = fixture.BaseAddress };

    public void Dispose() => _anonymous.Dispose();

    [Fact]
    public async Task Patch_WithLinkToken_ChangesHeadingAndOnlyThatSlidesImageUrl()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client);
        var before = Slides(carousel.Job);

        var response = await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2", new { heading = "A brand new heading" }, carousel.Token, "\"0\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, job.GetProperty("revision").GetInt32());
        Assert.Equal(1, job.GetProperty("undoDepth").GetInt32());
        var after = Slides(job);
        Assert.Equal("A brand new heading", after[1].Heading);
        Assert.Equal(before[1].Body, after[1].Body);
        Assert.NotEqual(before[1].ImageUrl, after[1].ImageUrl);
        Assert.Equal(before.Where((_, i) => i != 1).Select(s => s.ImageUrl), after.Where((_, i) => i != 1).Select(s => s.ImageUrl));
    }

    [Fact]
    public async Task Patch_Applied_NewImageIsDrawnAndCacheableOldVersionIsNot()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client);
        var oldUrl = Slides(carousel.Job)[2].ImageUrl;
        var oldPng = await _anonymous.GetByteArrayAsync(oldUrl).WaitAsync(Timeout);

        var job = await ReadJobAsync(await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/3", new { body = "Fresh words\nOn two lines" }, carousel.Token));
        var newUrl = Slides(job)[2].ImageUrl;
        using var current = await _anonymous.GetAsync(newUrl).WaitAsync(Timeout);
        using var stale = await _anonymous.GetAsync(oldUrl).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.True(current.Headers.CacheControl?.Public == true && current.Headers.CacheControl.MaxAge > TimeSpan.FromDays(300));
        var newPng = await current.Content.ReadAsByteArrayAsync();
        Assert.Equal((1080, 1350), PngInfo.Size(newPng));
        Assert.NotEqual(oldPng, newPng);
        Assert.True(stale.Headers.CacheControl?.NoCache, "A stale version must not be cached for good.");
        Assert.Equal(newPng, await stale.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetSlide_IfNoneMatchCurrentKey_Returns304()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);
        var slide = carousel.Job.GetProperty("slides")[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, slide.GetProperty("imageUrl").GetString());
        request.Headers.IfNoneMatch.ParseAdd($"\"{slide.GetProperty("imageKey").GetString()}\"");

        using var response = await _anonymous.SendAsync(request).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Get_Carousel_SendsRevisionAsETag()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);
        await ReadJobAsync(await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/1", new { heading = "Renamed" }, carousel.Token));

        using var response = await _anonymous.GetAsync($"/api/carousels/{carousel.Id}").WaitAsync(Timeout);

        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("Renamed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Patch_StaleIfMatch_Returns412AndKeepsTheFirstEdit()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client);
        await ReadJobAsync(await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2", new { heading = "First editor" }, carousel.Token, "\"0\""));

        var second = await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2", new { heading = "Second editor" }, carousel.Token, "\"0\"");

        await AssertProblemAsync(second, HttpStatusCode.PreconditionFailed, "changed meanwhile");
        Assert.Equal("\"1\"", second.Headers.ETag?.Tag);
        var job = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/carousels/{carousel.Id}").WaitAsync(Timeout);
        Assert.Equal("First editor", Slides(job)[1].Heading);
    }

    [Fact]
    public async Task Patch_UnreadableIfMatch_Returns400()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);

        var response = await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2", new { heading = "x" }, carousel.Token, "\"a\", \"b\"");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "If-Match");
    }

    [Fact]
    public async Task Patch_NoToken_Returns401()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);

        var response = await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2", new { heading = "Mine now" }, token: null);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "/web");
        await AssertUnchangedAsync(carousel);
    }

    [Fact]
    public async Task Patch_ExpiredToken_Returns401SayingItExpired()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);
        var yesterday = Signer(new FixedClock(DateTimeOffset.UtcNow.AddDays(-2)));
        var expired = await yesterday.IssueAsync(carousel.Id, null).WaitAsync(Timeout);

        var response = await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2", new { heading = "Too late" }, expired.Token);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "expired");
        await AssertUnchangedAsync(carousel);
    }

    [Fact]
    public async Task Patch_TokenSignedWithAnotherSecret_Returns401()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);
        var forger = Signer(TimeProvider.System, secret: new string('f', 48));
        var forged = await forger.IssueAsync(carousel.Id, null).WaitAsync(Timeout);

        var response = await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2", new { heading = "Forged" }, forged.Token);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not valid");
        await AssertUnchangedAsync(carousel);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("e30.AAAA")]
    [InlineData(".")]
    public async Task Patch_MalformedToken_Returns401(string token)
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);

        var response = await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2", new { heading = "Broken" }, token);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not valid");
    }

    [Fact]
    public async Task Patch_TokenWithAlteredPayload_Returns401()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);
        var other = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);

        // The other carousel's genuine signature under a payload naming this carousel.
        var tampered = carousel.Token.Split('.')[0] + "." + other.Token.Split('.')[1];
        var response = await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2", new { heading = "Tampered" }, tampered);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not valid");
    }

    [Fact]
    public async Task Patch_AnotherCarouselsToken_Returns403()
    {
        var mine = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);
        var theirs = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);

        var response = await SendAsync(HttpMethod.Patch, $"/api/carousels/{theirs.Id}/slides/2", new { heading = "Not mine" }, mine.Token);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "another carousel");
        await AssertUnchangedAsync(theirs);
    }

    [Fact]
    public async Task Patch_ApiKeyWithoutToken_Applies()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);

        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2") { Content = JsonContent.Create(new { body = "Integration text" }) };
        using var response = await fixture.Client.SendAsync(request).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Integration text", Slides(await response.Content.ReadFromJsonAsync<JsonElement>())[1].Body);
    }

    [Fact]
    public async Task Patch_WrongApiKey_Returns401EvenWithToken()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2") { Content = JsonContent.Create(new { body = "x" }) };
        request.Headers.Add(EditLinkSigner.HeaderName, carousel.Token);
        request.Headers.Add("X-Api-Key", "not-a-configured-key-0000000000");

        using var response = await _anonymous.SendAsync(request).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Patch_EmptyBody_Returns422()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);

        var response = await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2", new { }, carousel.Token);

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "heading");
    }

    [Fact]
    public async Task Patch_HeadingTooLong_Returns422WithTheLimit()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);

        var response = await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2", new { heading = new string('x', 500) }, carousel.Token);

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "limit");
        await AssertUnchangedAsync(carousel);
    }

    [Fact]
    public async Task Patch_NoSuchSlide_Returns422()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);

        var response = await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/9", new { heading = "Nine" }, carousel.Token);

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "no slide 9");
    }

    [Fact]
    public async Task Patch_UnknownCarousel_Returns404()
    {
        var response = await SendViaKeyAsync(HttpMethod.Patch, $"/api/carousels/{Guid.NewGuid():N}/slides/1", new { heading = "Nobody" });

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "No carousel");
    }

    [Fact]
    public async Task Patch_UnfinishedCarousel_Returns409()
    {
        var id = Guid.NewGuid().ToString("N");
        var grains = fixture.Services.GetRequiredService<IGrainFactory>();
        var signer = fixture.Services.GetRequiredService<EditLinkSigner>();
        await grains.GetGrain<ICarouselJobGrain>(id).Create(new CarouselRequest("Queued forever", 5, "auto", new RenderOptions("midnight", SlideSize.Portrait, null, null), null, null)).WaitAsync(Timeout);
        var link = await signer.IssueAsync(id, null).WaitAsync(Timeout);

        var response = await SendAsync(HttpMethod.Patch, $"/api/carousels/{id}/slides/1", new { heading = "Early" }, link.Token);

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "finished");
    }

    [Fact]
    public async Task Delete_MiddleSlide_RemovesItAndRenumbers()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client);
        var before = Slides(carousel.Job);

        var job = await ReadJobAsync(await SendAsync(HttpMethod.Delete, $"/api/carousels/{carousel.Id}/slides/3", null, carousel.Token, "\"0\""));

        var after = Slides(job);
        Assert.Equal(4, after.Count);
        Assert.Equal([before[0].Heading, before[1].Heading, before[3].Heading, before[4].Heading], after.Select(s => s.Heading));
    }

    [Fact]
    public async Task Delete_Cover_Returns422()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 4);

        var response = await SendAsync(HttpMethod.Delete, $"/api/carousels/{carousel.Id}/slides/1", null, carousel.Token);

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "cover");
    }

    [Fact]
    public async Task Move_SlideTwoToFour_Reorders()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client);
        var before = Slides(carousel.Job);

        var job = await ReadJobAsync(await SendAsync(HttpMethod.Post, $"/api/carousels/{carousel.Id}/slides/2/move", new { to = 4 }, carousel.Token));

        Assert.Equal([before[0].Heading, before[2].Heading, before[3].Heading, before[1].Heading, before[4].Heading], Slides(job).Select(s => s.Heading));
    }

    [Fact]
    public async Task Move_WithoutTo_Returns422()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 4);

        var response = await SendAsync(HttpMethod.Post, $"/api/carousels/{carousel.Id}/slides/2/move", new { }, carousel.Token);

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "to");
    }

    [Fact]
    public async Task Move_LastSlide_Returns422()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 4);

        var response = await SendAsync(HttpMethod.Post, $"/api/carousels/{carousel.Id}/slides/4/move", new { to = 2 }, carousel.Token);

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "last slide");
    }

    [Fact]
    public async Task Undo_AfterEdit_RestoresTheWordsAndTheImageUrl()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);
        var before = Slides(carousel.Job);
        await ReadJobAsync(await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2", new { heading = "Temporary" }, carousel.Token));

        var job = await ReadJobAsync(await SendAsync(HttpMethod.Post, $"/api/carousels/{carousel.Id}/undo", null, carousel.Token, "\"1\""));

        Assert.Equal(2, job.GetProperty("revision").GetInt32());
        Assert.Equal(0, job.GetProperty("undoDepth").GetInt32());
        Assert.Equal(before.Select(s => (s.Heading, s.ImageUrl)), Slides(job).Select(s => (s.Heading, s.ImageUrl)));
    }

    [Fact]
    public async Task Undo_NothingToUndo_Returns409()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);

        var response = await SendAsync(HttpMethod.Post, $"/api/carousels/{carousel.Id}/undo", null, carousel.Token);

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "no edit to undo");
    }

    [Fact]
    public async Task Rewrite_MiddleSlide_GetsNewWordsFromTheGenerator()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client);
        var before = Slides(carousel.Job);

        var job = await ReadJobAsync(await SendAsync(HttpMethod.Post, $"/api/carousels/{carousel.Id}/slides/3/rewrite", null, carousel.Token, "\"0\""));

        var after = Slides(job);
        Assert.NotEqual((before[2].Heading, before[2].Body), (after[2].Heading, after[2].Body));
        Assert.NotEqual(before[2].ImageUrl, after[2].ImageUrl);
        Assert.Equal(1, job.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task Rewrite_StaleIfMatch_Returns412()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);
        await ReadJobAsync(await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2", new { heading = "Edited first" }, carousel.Token));

        var response = await SendAsync(HttpMethod.Post, $"/api/carousels/{carousel.Id}/slides/2/rewrite", null, carousel.Token, "\"0\"");

        await AssertProblemAsync(response, HttpStatusCode.PreconditionFailed, "changed meanwhile");
    }

    [Fact]
    public async Task Rewrite_MoreThanTheLimitPerMinute_Returns429WithRetryAfter()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client);
        for (var i = 0; i < SlideRewriteRateLimit.PermitsPerMinute; i++)
        {
            await ReadJobAsync(await SendAsync(HttpMethod.Post, $"/api/carousels/{carousel.Id}/slides/{2 + (i % 3)}/rewrite", null, carousel.Token));
        }

        var refused = await SendAsync(HttpMethod.Post, $"/api/carousels/{carousel.Id}/slides/2/rewrite", null, carousel.Token);
        var other = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);
        var elsewhere = await SendAsync(HttpMethod.Post, $"/api/carousels/{other.Id}/slides/2/rewrite", null, other.Token);

        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "rewrites");
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Post_Anonymous_AnswerCarriesAnEditLinkForThatCarousel()
    {
        var response = await _anonymous.PostAsJsonAsync("/api/carousels", new { topic = "Tiny gardens on balconies", slides = 3 }).WaitAsync(Timeout);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("id").GetString()!;
        var edit = accepted.GetProperty("edit");
        var url = new Uri(edit.GetProperty("url").GetString()!);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"?job={id}", url.Query);
        Assert.Equal($"#token={edit.GetProperty("token").GetString()}", url.Fragment);
        Assert.InRange(edit.GetProperty("expiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));
        var check = await fixture.Services.GetRequiredService<EditLinkSigner>().CheckAsync(id, edit.GetProperty("token").GetString()).WaitAsync(Timeout);
        Assert.Equal(EditTokenStatus.Valid, check.Status);
    }

    [Fact]
    public async Task EditLink_WithApiKey_IssuesAWorkingLink()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);

        using var response = await fixture.Client.PostAsync($"/api/carousels/{carousel.Id}/edit-link", null).WaitAsync(Timeout);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var edited = await SendAsync(HttpMethod.Patch, $"/api/carousels/{carousel.Id}/slides/2", new { heading = "Via issued link" }, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
    }

    [Fact]
    public async Task EditLink_WithLinkTokenOnly_Returns401()
    {
        var carousel = await EditableCarousel.CreateAsync(fixture.Client, slides: 3);

        var response = await SendAsync(HttpMethod.Post, $"/api/carousels/{carousel.Id}/edit-link", null, carousel.Token);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "API key");
    }

    private EditLinkSigner Signer(TimeProvider clock, string? secret = null) =>
        new(fixture.Services.GetRequiredService<IGrainFactory>(), clock, Options.Create(new EditLinkOptions { Secret = secret }));

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? token, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (token is not null)
        {
            request.Headers.Add(EditLinkSigner.HeaderName, token);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await _anonymous.SendAsync(request).WaitAsync(Timeout);
    }

    private async Task<HttpResponseMessage> SendViaKeyAsync(HttpMethod method, string path, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        return await fixture.Client.SendAsync(request).WaitAsync(Timeout);
    }

    private static async Task<JsonElement> ReadJobAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var words = problem.GetProperty("title").GetString() + " " + (problem.TryGetProperty("detail", out var detail) ? detail.GetString() : "");
        Assert.Contains(detailContains, words, StringComparison.OrdinalIgnoreCase);
    }

    private async Task AssertUnchangedAsync(EditableCarousel carousel)
    {
        var job = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/carousels/{carousel.Id}").WaitAsync(Timeout);
        Assert.Equal(0, job.GetProperty("revision").GetInt32());
        Assert.Equal(Slides(carousel.Job).Select(s => s.Heading), Slides(job).Select(s => s.Heading));
    }

    private static List<(string Heading, string Body, string ImageUrl)> Slides(JsonElement job) =>
        [.. job.GetProperty("slides").EnumerateArray().Select(s => (s.GetProperty("heading").GetString()!, s.GetProperty("body").GetString()!, s.GetProperty("imageUrl").GetString()!))];
}
