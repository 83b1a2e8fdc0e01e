using System.Runtime.InteropServices;

namespace VibeCoder.Rendering.Native;

/// <summary>
/// Collects what cairo's PDF surface writes into a <see cref="MemoryStream"/>. cairo calls
/// <see cref="Write"/> with the closure pointer it was given, which is a GCHandle to the sink.
/// </summary>
internal sealed unsafe class PdfStreamSink : IDisposable
{
    private readonly MemoryStream _stream = new();
    private GCHandle _handle;

    public PdfStreamSink()
    {
        _handle = GCHandle.Alloc(this);
    }

    /// <summary>The closure to pass to cairo_pdf_surface_create_for_stream.</summary>
    public nint Closure => GCHandle.ToIntPtr(_handle);

    /// <summary>The write callback to pass to cairo_pdf_surface_create_for_stream.</summary>
    public static delegate* unmanaged<nint, byte*, uint, int> Callback => &Write;

    /// <summary>The first failure while writing, if any (cairo only sees a status code).</summary>
    public Exception? Failure { get; private set; }

    public byte[] ToArray() => _stream.ToArray();

    public void Dispose()
    {
        if (_handle.IsAllocated)
        {
            _handle.Free();
        }

        _stream.Dispose();
    }

    [UnmanagedCallersOnly]
    private static int Write(nint closure, byte* data, uint length)
    {
        var sink = (PdfStreamSink)GCHandle.FromIntPtr(closure).Target!;

        // An exception must not unwind into cairo's C frames: keep it and report a write error instead.
        try
        {
            sink._stream.Write(new ReadOnlySpan<byte>(data, checked((int)length)));
            return Cairo.StatusSuccess;
        }
        catch (Exception exception) when (exception is IOException or NotSupportedException or OverflowException or OutOfMemoryException)
        {
            sink.Failure ??= exception;
            return Cairo.StatusWriteError;
        }
    }
}
