using System.Collections.Concurrent;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Users;
using VibeCoder.Rendering;
using Orleans;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// Slide images, archives and PDFs of jobs. Images are a pure function of a job's stored content and design,
/// so the service keeps the recipe durable and the pixels in a bounded memory cache: the render step fills it,
/// and anything evicted (or lost in a restart) is drawn again on request, byte for byte the same.
/// </summary>
public sealed class CarouselImages(IGrainFactory grains, ISlideRenderer renderer)
{
    private const long MaxCachedBytes = 256L * 1024 * 1024;
    private const int MaxCachedBrandImages = 256;

    private readonly ConcurrentDictionary<(string JobId, int Index), byte[]> _cache = new();
    private readonly ConcurrentQueue<(string JobId, int Index)> _order = new();
    private long _cachedBytes;

    // Brand images are content-addressed, so a cached copy is never stale; the cap only bounds memory.
    private readonly ConcurrentDictionary<string, byte[]> _brandImages = new(StringComparer.Ordinal);

    /// <summary>Draws every slide of <paramref name="content"/> on both cores; reports each finished slide.</summary>
    public async Task<IReadOnlyList<byte[]>> RenderAllAsync(
        string jobId, CarouselContent content, RenderOptions design, Func<int, Task>? onSlideRendered, CancellationToken cancellationToken)
    {
        var images = await ImagesForAsync(design);
        var pngs = new byte[content.Slides.Count][];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, content.Slides.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                pngs[i] = Render(jobId, content, design, images, i);
                var count = Interlocked.Increment(ref done);
                if (onSlideRendered is not null)
                {
                    await onSlideRendered(count);
                }
            });
        return pngs;
    }

    /// <summary>Slide <paramref name="number"/> (1-based) of a job, or null when the job or slide does not exist.</summary>
    public async Task<byte[]?> GetSlideAsync(string jobId, int number)
    {
        if (_cache.TryGetValue((jobId, number - 1), out var cached))
        {
            return cached;
        }

        var job = await grains.GetGrain<ICarouselJobGrain>(jobId).Get();
        if (job?.Content is not { } content || number < 1 || number > content.Slides.Count)
        {
            return null;
        }

        return Render(jobId, content, job.Request.Design, await ImagesForAsync(job.Request.Design), number - 1);
    }

    /// <summary>All slides plus caption.txt as a ZIP, or null when the job has no content yet.</summary>
    public async Task<byte[]?> GetZipAsync(string jobId)
    {
        var job = await grains.GetGrain<ICarouselJobGrain>(jobId).Get();
        if (job?.Content is not { } content)
        {
            return null;
        }

        var images = await ImagesForAsync(job.Request.Design);
        var slides = new byte[content.Slides.Count][];
        for (var i = 0; i < slides.Length; i++)
        {
            slides[i] = _cache.TryGetValue((jobId, i), out var png) ? png : Render(jobId, content, job.Request.Design, images, i);
        }

        return CarouselArchive.CreateZip(slides, content.Caption, content.Hashtags);
    }

    /// <summary>The carousel as one multi-page PDF, or null when the job has no content yet.</summary>
    public async Task<byte[]?> GetPdfAsync(string jobId)
    {
        var job = await grains.GetGrain<ICarouselJobGrain>(jobId).Get();
        return job?.Content is { } content ? renderer.RenderPdf(content, job.Request.Design, await ImagesForAsync(job.Request.Design)) : null;
    }

    /// <summary>Draws one slide outside any job (the /brand preview); not cached.</summary>
    /// <remarks>The drawing runs on the thread pool: called from a grain, it must not hold the activation's turn for it.</remarks>
    public async Task<byte[]> RenderPreviewAsync(SlideContent slide, int pageNumber, int pageCount, RenderOptions design)
    {
        var images = await ImagesForAsync(design);
        return await Task.Run(() => renderer.RenderSlide(slide, pageNumber, pageCount, design, images).Png);
    }

    /// <summary>The images <paramref name="design"/> names, from grain storage (through a small cache).</summary>
    public async Task<SlideImages> ImagesForAsync(RenderOptions design)
    {
        if (design.Kit is not { ShowLogo: true, LogoHash: { } hash })
        {
            return SlideImages.None;
        }

        if (!_brandImages.TryGetValue(hash, out var png))
        {
            png = await grains.GetGrain<IBrandImageGrain>(hash).Get();
            if (png is null)
            {
                return SlideImages.None; // named but never stored: drawn without it rather than failing the carousel
            }

            if (_brandImages.Count >= MaxCachedBrandImages)
            {
                _brandImages.Clear();
            }

            _brandImages[hash] = png;
        }

        return new SlideImages([new(hash, png)]);
    }

    private byte[] Render(string jobId, CarouselContent content, RenderOptions design, SlideImages images, int index)
    {
        var png = renderer.RenderSlide(content.Slides[index], index + 1, content.Slides.Count, design, images).Png;
        if (_cache.TryAdd((jobId, index), png))
        {
            _order.Enqueue((jobId, index));
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
