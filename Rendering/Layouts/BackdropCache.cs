using System.Runtime.InteropServices;
using SkiaSharp;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Rendering.Layouts;

/// <summary>
/// The pixels of recently drawn <see cref="Backdrop"/>s, least recently used out first: a slide whose kind, size
/// and colours were drawn before starts as a copy of those pixels (a memory copy of well under a millisecond)
/// instead of drawing its gradient and glow again (several milliseconds). Each entry costs width × height × 4 bytes
/// of managed memory: 5.8 MB for a 1080×1350 slide, 8.3 MB for a story. Thread-safe; entries are immutable arrays,
/// so one evicted while another thread copies it is simply collected later.
/// </summary>
internal sealed class BackdropCache
{
    /// <summary>
    /// Every kind of six theme-and-size pairs in use at once (a carousel uses one theme, one size and five kinds;
    /// the benchmark cycles through all six themes, and a least-recently-used cache smaller than such a cycle
    /// would never hit): at most 32 × 5.8 MB ≈ 187 MB for portrait slides, 266 MB if every entry were a story.
    /// </summary>
    public const int DefaultCapacity = 32;

    private readonly Lock _lock = new();
    private readonly Dictionary<BackdropKey, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = [];

    /// <summary>Creates a cache; a capacity of 0 caches nothing (every backdrop is drawn).</summary>
    public BackdropCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>How many backdrops are held now; never more than <see cref="Capacity"/>.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Gives <paramref name="target"/> (the bitmap <paramref name="canvas"/> draws on, still blank) the backdrop
    /// of a <paramref name="kind"/> slide: copied when cached, else drawn and then kept.
    /// </summary>
    public void Paint(SlideCanvas canvas, SKBitmap target, SlideKind kind)
    {
        if (Capacity == 0)
        {
            Backdrop.Paint(canvas, kind);
            return;
        }

        SlidePalette palette = canvas.Palette;
        var key = new BackdropKey(kind, target.Width, target.Height, target.ColorType, palette.Background, palette.BackgroundEnd, palette.Accent);
        int length = checked(target.RowBytes * target.Height);
        byte[]? pixels = Find(key);
        if (pixels is not null && pixels.Length == length)
        {
            Marshal.Copy(pixels, 0, target.GetPixels(), length);
            return;
        }

        Backdrop.Paint(canvas, kind);
        canvas.Canvas.Flush();
        pixels = new byte[length];
        Marshal.Copy(target.GetPixels(), pixels, 0, length);
        Add(key, pixels);
    }

    private byte[]? Find(BackdropKey key)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out LinkedListNode<Entry>? node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Pixels;
        }
    }

    private void Add(BackdropKey key, byte[] pixels)
    {
        lock (_lock)
        {
            // Two threads may draw the same missing backdrop at once; their pixels are the same, keep the first.
            if (_entries.ContainsKey(key))
            {
                return;
            }

            while (_entries.Count >= Capacity)
            {
                LinkedListNode<Entry> oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }

            _entries[key] = _recency.AddFirst(new Entry(key, pixels));
        }
    }

    private sealed record Entry(BackdropKey Key, byte[] Pixels);

    // Everything Backdrop.Paint reads: the kind picks the glow, the accent sets its colour and strength.
    private readonly record struct BackdropKey(
        SlideKind Kind, int Width, int Height, SKColorType ColorType, RgbColor Background, RgbColor BackgroundEnd, RgbColor Accent);
}
