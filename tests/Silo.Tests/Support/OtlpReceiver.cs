using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VibeCoder.Silo.Tests.Support;

/// <summary>
/// An OTLP/HTTP trace receiver on a loopback port: accepts <c>POST /v1/traces</c> (protobuf), decodes the spans
/// and lets a test wait until spans it expects have arrived.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OtlpSpan> _spans = new();
    private readonly Lock _lock = new();
    private readonly List<(Func<IReadOnlyCollection<OtlpSpan>, bool> Done, TaskCompletionSource Signal)> _waiters = [];
    private int _requests;

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    public IReadOnlyCollection<OtlpSpan> Spans => _spans.ToArray();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", receiver.ReceiveAsync);
        await app.StartAsync();
        receiver.Endpoint = new Uri(app.Urls.Single());
        return receiver;
    }

    /// <summary>Completes when the spans received so far satisfy <paramref name="done"/>.</summary>
    public Task WaitForAsync(Func<IReadOnlyCollection<OtlpSpan>, bool> done)
    {
        lock (_lock)
        {
            if (done(_spans.ToArray()))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((done, signal));
            return signal.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        Interlocked.Increment(ref _requests);
        if (request.ContentType != "application/x-protobuf")
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        foreach (var span in OtlpTraceDecoder.Decode(body.ToArray()))
        {
            _spans.Enqueue(span);
        }

        lock (_lock)
        {
            var all = _spans.ToArray();
            foreach (var waiter in _waiters.Where(w => w.Done(all)).ToArray())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        // An empty ExportTraceServiceResponse.
        return Results.Bytes([], "application/x-protobuf");
    }
}
