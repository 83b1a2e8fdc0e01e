using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VibeCoder.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class CarouselJpegApiTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task GetSlideJpg_CompletedCarousel_AnswersJpegOfTheSlideSize()
    {
        var id = await CreateCompletedAsync("JPEG slides for Instagram");

        using var response = await Client.GetAsync($"/api/carousels/{id}/slides/2.jpg").WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        var jpeg = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((1080, 1350), JpegInfo.Size(jpeg));
        var png = await Client.GetByteArrayAsync($"/api/carousels/{id}/slides/2.png").WaitAsync(Timeout);
        Assert.Equal((1080, 1350), PngInfo.Size(png));
    }

    [Fact]
    public async Task GetSlideJpg_SlideOrCarouselMissing_Returns404Problem()
    {
        var id = await CreateCompletedAsync("Missing JPEG slides");

        using var outOfRange = await Client.GetAsync($"/api/carousels/{id}/slides/4.jpg").WaitAsync(Timeout);
        using var unknown = await Client.GetAsync($"/api/carousels/{Guid.NewGuid():N}/slides/1.jpg").WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.NotFound, outOfRange.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetZip_FormatJpg_HasJpegSlidesAndCaption()
    {
        var id = await CreateCompletedAsync("Zipped JPEG carousel");

        using var zip = new ZipArchive(new MemoryStream(await Client.GetByteArrayAsync($"/api/carousels/{id}/archive.zip?format=jpg").WaitAsync(Timeout)));

        Assert.Equal(["caption.txt", "slide-01.jpg", "slide-02.jpg", "slide-03.jpg"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".jpg", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes);
            Assert.Equal((1080, 1350), JpegInfo.Size(bytes.ToArray()));
        }

        using var png = new ZipArchive(new MemoryStream(await Client.GetByteArrayAsync($"/api/carousels/{id}/archive.zip?format=png").WaitAsync(Timeout)));
        Assert.Equal(3, png.Entries.Count(e => e.Name.EndsWith(".png", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GetZip_UnknownFormat_Returns400Problem()
    {
        using var response = await Client.GetAsync($"/api/carousels/{Guid.NewGuid():N}/archive.zip?format=gif").WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("gif", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> CreateCompletedAsync(string topic)
    {
        using var accepted = await Client.PostAsJsonAsync("/api/carousels", new { topic, slides = 3 }).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // Long-poll: the server holds the answer until the job is final.
        var job = await Client.GetFromJsonAsync<JsonElement>($"/api/carousels/{id}?waitSeconds=25").WaitAsync(Timeout);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        return id;
    }
}
