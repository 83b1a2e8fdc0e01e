using System.Collections.Concurrent;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Users;
using VibeCoder.Rendering;
using Orleans;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// Slide images, archives and PDFs of jobs. Images are a pure function of a job's stored content and design,
/// so the service keeps the recipe durable and the pixels in a bounded memory cache keyed by each slide's
/// <see cref="SlideImageKey"/>: the render step fills it, an edit draws only the slides whose key changed, and anything
/// evicted (or lost in a restart) is drawn again on request, byte for byte the same. Every drawing
/// goes through the process's <see cref="RenderLimiter"/>, so jobs and image requests together never draw more
/// slides at once than it allows.
/// </summary>
public sealed class CarouselImages
{
    private const long MaxCachedBytes = 256L * 1024 * 1024;
    private const int MaxCachedBrandImages = 256;

    private readonly ConcurrentDictionary<(string JobId, string ImageKey), byte[]> _cache = new();
    private readonly ConcurrentQueue<(string JobId, string ImageKey)> _order = new();
    private readonly IGrainFactory _grains;
    private readonly ISlideRenderer _renderer;
    private readonly RenderLimiter _limiter;
    private long _cachedBytes;

    // Brand images and background photos are content-addressed, so a cached copy is never stale; the cap only bounds memory
    // (at most 256 × 1.5 MiB when every entry were a photo).
    private readonly ConcurrentDictionary<string, byte[]> _brandImages = new(StringComparer.Ordinal);

    /// <summary>Creates the image service drawing with <paramref name="renderer"/> through <paramref name="limiter"/>.</summary>
    public CarouselImages(IGrainFactory grains, ISlideRenderer renderer, RenderLimiter limiter)
    {
        _grains = grains;
        _renderer = renderer;
        _limiter = limiter;
    }

    /// <summary>
    /// Draws every slide of <paramref name="content"/> as render slots allow (all cores when the process is idle);
    /// reports each finished slide. Cancelling stops the slides still waiting for a slot.
    /// </summary>
    public async Task<IReadOnlyList<byte[]>> RenderAllAsync(
        string jobId, CarouselContent content, RenderOptions design, Func<int, Task>? onSlideRendered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var images = await ImagesForAsync(design);
        var pngs = new byte[content.Slides.Count][];
        var done = 0;

        // Every slide queues for a slot at once, so this job's slides stand together in the limiter's queue ahead of a
        // later job's; each on the thread pool, so a slot granted at once does not draw on (and serialise) this thread.
        await Task.WhenAll(Enumerable.Range(0, content.Slides.Count).Select(i => Task.Run(
            async () =>
            {
                pngs[i] = await RenderAsync(jobId, content, design, images, i, cancellationToken);
                var count = Interlocked.Increment(ref done);
                if (onSlideRendered is not null)
                {
                    await onSlideRendered(count);
                }
            },
            cancellationToken)));
        return pngs;
    }

    /// <summary>Slide <paramref name="number"/> (1-based) of a job, or null when the job or slide does not exist.</summary>
    public async Task<byte[]?> GetSlideAsync(string jobId, int number, CancellationToken cancellationToken = default)
    {
        var job = await _grains.GetGrain<ICarouselJobGrain>(jobId).Get();
        if (job?.Content is not { } content || number < 1 || number > content.Slides.Count)
        {
            return null;
        }

        return await GetOrRenderAsync(jobId, content, job.Request.Design, null, number - 1, cancellationToken);
    }

    /// <summary>
    /// Slides <paramref name="numbers"/> (1-based) of <paramref name="job"/> as it is (e.g. just after an edit): cached
    /// images where the slide's key is unchanged, the others drawn in parallel as render slots allow.
    /// </summary>
    public async Task<IReadOnlyList<byte[]>> GetSlidesAsync(CarouselJobSnapshot job, IReadOnlyList<int> numbers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(numbers);
        var content = job.Content ?? throw new InvalidOperationException($"Job {job.Id} has no content yet.");
        if (numbers.Any(n => n < 1 || n > content.Slides.Count))
        {
            throw new ArgumentOutOfRangeException(nameof(numbers), $"Job {job.Id} has {content.Slides.Count} slides.");
        }

        var images = await ImagesForAsync(job.Request.Design);
        return await Task.WhenAll(numbers.Select(n => Task.Run(
            () => GetOrRenderAsync(job.Id, content, job.Request.Design, images, n - 1, cancellationToken), cancellationToken)));
    }

    /// <summary>
    /// Slide <paramref name="number"/> (1-based) as <paramref name="format"/>, or null when the job or slide does not
    /// exist. A JPEG is encoded from the (cached) PNG on each request, through the render limiter.
    /// </summary>
    public async Task<byte[]?> GetSlideAsync(string jobId, int number, SlideImageFormat format, CancellationToken cancellationToken = default)
    {
        var png = await GetSlideAsync(jobId, number, cancellationToken);
        return png is null ? null : await EncodeAsync(png, format, cancellationToken);
    }

    /// <summary>All slides plus caption.txt as a ZIP, or null when the job has no content yet.</summary>
    public Task<byte[]?> GetZipAsync(string jobId, CancellationToken cancellationToken = default) =>
        GetZipAsync(jobId, SlideImageFormat.Png, cancellationToken);

    /// <summary>All slides as <paramref name="format"/> plus caption.txt as a ZIP, or null when the job has no content yet.</summary>
    public async Task<byte[]?> GetZipAsync(string jobId, SlideImageFormat format, CancellationToken cancellationToken = default)
    {
        var job = await _grains.GetGrain<ICarouselJobGrain>(jobId).Get();
        if (job?.Content is not { } content)
        {
            return null;
        }

        var images = await ImagesForAsync(job.Request.Design);
        var slides = new byte[content.Slides.Count][];
        for (var i = 0; i < slides.Length; i++)
        {
            var png = await GetOrRenderAsync(jobId, content, job.Request.Design, images, i, cancellationToken);
            slides[i] = await EncodeAsync(png, format, cancellationToken);
        }

        return CarouselArchive.CreateZip(slides, format, content.Caption, content.Hashtags);
    }

    /// <summary>The carousel as one multi-page PDF, or null when the job has no content yet.</summary>
    public async Task<byte[]?> GetPdfAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var job = await _grains.GetGrain<ICarouselJobGrain>(jobId).Get();
        if (job?.Content is not { } content)
        {
            return null;
        }

        var images = await ImagesForAsync(job.Request.Design);
        return await _limiter.RunAsync(() => _renderer.RenderPdf(content, job.Request.Design, images), cancellationToken);
    }

    /// <summary>Draws one slide outside any job (the /brand preview); not cached.</summary>
    /// <remarks>Through the render limiter, on the thread pool: called from a grain, it must not hold the activation's turn.</remarks>
    public async Task<byte[]> RenderPreviewAsync(SlideContent slide, int pageNumber, int pageCount, RenderOptions design, CancellationToken cancellationToken = default)
    {
        var images = await ImagesForAsync(design);
        return await Task.Run(() => _limiter.RunAsync(() => _renderer.RenderSlide(slide, pageNumber, pageCount, design, images).Png, cancellationToken), cancellationToken);
    }

    /// <summary>The images <paramref name="design"/> names (logo, background photo), from grain storage (through a small cache).</summary>
    public async Task<SlideImages> ImagesForAsync(RenderOptions design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var found = new List<KeyValuePair<string, byte[]>>(2);
        if (design.Kit is { ShowLogo: true, LogoHash: { } logoHash }
            && await FindAsync(logoHash, hash => _grains.GetGrain<IBrandImageGrain>(hash).Get()) is { } png)
        {
            found.Add(new(logoHash, png));
        }

        if (design.Background is { ImageHash: { } photoHash }
            && await FindAsync(photoHash, hash => _grains.GetGrain<IBackgroundPhotoGrain>(hash).Get()) is { } jpeg)
        {
            found.Add(new(photoHash, jpeg));
        }

        return found.Count == 0 ? SlideImages.None : new SlideImages(found);
    }

    // Named but never stored gives null: the slide is drawn without it rather than failing the carousel.
    private async Task<byte[]?> FindAsync(string hash, Func<string, Task<byte[]?>> load)
    {
        if (_brandImages.TryGetValue(hash, out var cached))
        {
            return cached;
        }

        var bytes = await load(hash);
        if (bytes is null)
        {
            return null;
        }

        if (_brandImages.Count >= MaxCachedBrandImages)
        {
            _brandImages.Clear();
        }

        _brandImages[hash] = bytes;
        return bytes;
    }

    private Task<byte[]> EncodeAsync(byte[] png, SlideImageFormat format, CancellationToken cancellationToken) =>
        format == SlideImageFormat.Png ? Task.FromResult(png) : _limiter.RunAsync(() => SlideJpeg.FromPng(png), cancellationToken);

    private async Task<byte[]> GetOrRenderAsync(
        string jobId, CarouselContent content, RenderOptions design, SlideImages? images, int index, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue((jobId, KeyOf(content, index)), out var cached))
        {
            return cached;
        }

        return await RenderAsync(jobId, content, design, images ?? await ImagesForAsync(design), index, cancellationToken);
    }

    private static string KeyOf(CarouselContent content, int index) => SlideImageKey.Of(content.Slides[index], index + 1, content.Slides.Count);

    private Task<byte[]> RenderAsync(string jobId, CarouselContent content, RenderOptions design, SlideImages images, int index, CancellationToken cancellationToken) =>
        _limiter.RunAsync(() => Render(jobId, content, design, images, index), cancellationToken);

    private byte[] Render(string jobId, CarouselContent content, RenderOptions design, SlideImages images, int index)
    {
        var png = _renderer.RenderSlide(content.Slides[index], index + 1, content.Slides.Count, design, images).Png;
        var key = (jobId, KeyOf(content, index));
        if (_cache.TryAdd(key, png))
        {
            _order.Enqueue(key);
            Interlocked.Add(ref _cachedBytes, png.Length);
            Trim();
        }

        return png;
    }

    // Oldest first: the queue remembers insertion order, so eviction needs no timestamps or locks.
    private void Trim()
    {
        while (Interlocked.Read(ref _cachedBytes) > MaxCachedBytes && _order.TryDequeue(out var oldest))
        {
            if (_cache.TryRemove(oldest, out var removed))
            {
                Interlocked.Add(ref _cachedBytes, -removed.Length);
            }
        }
    }
}
