using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using SkiaSharp;
using VibeCoder.Gateway.Apis;
using VibeCoder.Gateway.Edge;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Users;
using VibeCoder.Rendering.Images;
using VibeCoder.TestServers.Images;

namespace VibeCoder.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class CarouselBackgroundApiTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<byte[]> Halves = new(() => TestPictures.Halves(2000, 1000));

    private HttpClient Client => fixture.Client;

    private IGrainFactory Grains => fixture.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task Post_MultipartWithPhoto_CoverShowsThePhotoAroundTheFocusAndLaterSlidesDoNot()
    {
        using var form = Form(("topic", "Morning routines that stick"), ("slides", "3"), ("focus", "left"));
        AddFile(form, Halves.Value, "photo.jpg", "image/jpeg");

        var id = await AcceptedIdAsync(await Client.PostAsync("/api/carousels", form).WaitAsync(Timeout));
        await WaitForCompletedAsync(id);

        using var cover = SKBitmap.Decode(await Client.GetByteArrayAsync($"/api/carousels/{id}/slides/1.png").WaitAsync(Timeout));
        using var second = SKBitmap.Decode(await Client.GetByteArrayAsync($"/api/carousels/{id}/slides/2.png").WaitAsync(Timeout));
        Assert.True(IsReddish(cover.GetPixel(540, 40)), $"cover top shows {cover.GetPixel(540, 40)}");
        Assert.False(IsReddish(second.GetPixel(540, 40)) || IsBluish(second.GetPixel(540, 40)), $"slide 2 shows {second.GetPixel(540, 40)}");

        var job = await Grains.GetGrain<ICarouselJobGrain>(id).Get();
        var background = job!.Request.Design.Background!;
        Assert.Equal((1.0 / 6, 0.5, false), (background.FocusX, background.FocusY, background.AllSlides));
        var stored = await Grains.GetGrain<IBackgroundPhotoGrain>(background.ImageHash).Get();
        Assert.Equal(BackgroundPhotos.Prepare(Halves.Value).Jpeg, stored);
    }

    [Fact]
    public async Task Post_MultipartLargerThanTheJsonLimits_AllSlidesShowThePhoto()
    {
        var png = TestPictures.Halves(2400, 1200, SKEncodedImageFormat.Png, noise: true);
        Assert.True(png.Length > PublicApiProtectionExtensions.MaxApiBodyBytes, $"the test photo has only {png.Length} bytes");
        using var form = Form(("topic", "Photos on every slide"), ("slides", "3"), ("focus", "0.9,0.5"), ("allSlides", "true"));
        AddFile(form, png, "photo.png", "image/png");

        var id = await AcceptedIdAsync(await Client.PostAsync("/api/carousels", form).WaitAsync(Timeout));
        await WaitForCompletedAsync(id);

        for (var n = 1; n <= 3; n++)
        {
            using var slide = SKBitmap.Decode(await Client.GetByteArrayAsync($"/api/carousels/{id}/slides/{n}.png").WaitAsync(Timeout));
            Assert.True(IsBluish(slide.GetPixel(540, 20)), $"slide {n} shows {slide.GetPixel(540, 20)}");
        }

        using var view = JsonDocument.Parse(await Client.GetStringAsync($"/api/carousels/{id}").WaitAsync(Timeout));
        var background = view.RootElement.GetProperty("background");
        Assert.Equal(BackgroundPhotos.Prepare(png).Hash, background.GetProperty("imageHash").GetString());
        Assert.Equal((0.9, 0.5, true), (background.GetProperty("focusX").GetDouble(), background.GetProperty("focusY").GetDouble(), background.GetProperty("allSlides").GetBoolean()));
    }

    [Fact]
    public async Task Post_MultipartWithoutFile_IsAcceptedLikeJson()
    {
        using var form = Form(("topic", "Plain form without a photo"), ("slides", "3"));

        var id = await AcceptedIdAsync(await Client.PostAsync("/api/carousels", form).WaitAsync(Timeout));

        var job = await Grains.GetGrain<ICarouselJobGrain>(id).Get();
        Assert.Null(job!.Request.Design.Background);
        Assert.Equal(3, job.Request.SlideCount);
        using var view = JsonDocument.Parse(await Client.GetStringAsync($"/api/carousels/{id}").WaitAsync(Timeout));
        Assert.Equal(JsonValueKind.Null, view.RootElement.GetProperty("background").ValueKind);
    }

    [Theory]
    [InlineData("text", HttpStatusCode.UnsupportedMediaType, "not a picture")]
    [InlineData("svg", HttpStatusCode.UnsupportedMediaType, "SVG")]
    [InlineData("huge-pixels", HttpStatusCode.BadRequest, "10000×10000")]
    [InlineData("over-20-mb", HttpStatusCode.RequestEntityTooLarge, "at most 20 MB")]
    public async Task Post_BadBackground_IsRefusedWithProblemAndStartsNothing(string kind, HttpStatusCode status, string detail)
    {
        var (bytes, name, mime) = kind switch
        {
            "text" => ("just some notes"u8.ToArray(), "notes.txt", "text/plain"),
            "svg" => ("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), "logo.svg", "image/svg+xml"),
            "huge-pixels" => (TestPictures.HeaderOnly(10_000, 10_000), "huge.png", "image/png"),
            _ => (new byte[BackgroundPhotos.MaxUploadBytes + 1], "big.jpg", "image/jpeg"),
        };
        using var form = Form(("topic", "A refused background " + kind));
        AddFile(form, bytes, name, mime);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/carousels") { Content = form };
        var key = Guid.NewGuid().ToString("N");
        request.Headers.Add(IdempotencyKey.HeaderName, key);

        using var response = await Client.SendAsync(request).WaitAsync(Timeout);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(await Grains.GetGrain<ICarouselJobGrain>(IdempotencyKey.JobIdFor(key, null)).Get());
    }

    [Fact]
    public async Task Post_MultipartBodyOverTheUploadLimit_Returns413BeforeReading()
    {
        using var form = Form(("topic", "Far too big"));
        AddFile(form, new byte[BackgroundUpload.MaxBodyBytes], "big.jpg", "image/jpeg");

        using var response = await Client.PostAsync("/api/carousels", form).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_MultipartBadFocus_Returns400NamingTheField()
    {
        using var form = Form(("topic", "Focus nowhere"), ("focus", "middle-earth"));
        AddFile(form, Halves.Value, "photo.jpg", "image/jpeg");

        using var response = await Client.PostAsync("/api/carousels", form).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("focus", out _));
    }

    [Fact]
    public async Task Post_MultipartSameIdempotencyKey_ReplaysTheSameJob()
    {
        var key = Guid.NewGuid().ToString("N");

        var first = await PostWithKeyAsync(key);
        var second = await PostWithKeyAsync(key);

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, second.Status);
        Assert.Equal(first.Id, second.Id);
        Assert.True(second.Replayed);

        async Task<(HttpStatusCode Status, string Id, bool Replayed)> PostWithKeyAsync(string idempotencyKey)
        {
            using var form = Form(("topic", "Idempotent photo carousel"), ("slides", "3"));
            AddFile(form, Halves.Value, "photo.jpg", "image/jpeg");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/carousels") { Content = form };
            request.Headers.Add(IdempotencyKey.HeaderName, idempotencyKey);
            using var response = await Client.SendAsync(request).WaitAsync(Timeout);
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            return (response.StatusCode, id, response.Headers.Contains("Idempotent-Replayed"));
        }
    }

    private static MultipartFormDataContent Form(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private static void AddFile(MultipartFormDataContent form, byte[] bytes, string name, string mime)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(mime);
        form.Add(file, CarouselForm.FileField, name);
    }

    private static async Task<string> AcceptedIdAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
    }

    private async Task WaitForCompletedAsync(string id)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var job = await Client.GetFromJsonAsync<JsonElement>($"/api/carousels/{id}?waitSeconds=20").WaitAsync(Timeout);
            var status = job.GetProperty("status").GetString();
            if (status is "completed")
            {
                return;
            }

            Assert.True(status is not ("failed" or "cancelled"), job.ToString());
        }

        Assert.Fail($"carousel {id} did not complete in {Timeout}");
    }

    private static bool IsReddish(SKColor p) => p.Red > 60 && p.Red > 2 * p.Blue;

    private static bool IsBluish(SKColor p) => p.Blue > 60 && p.Blue > 2 * p.Red;
}
