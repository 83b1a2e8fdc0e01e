using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Grains.Telegram.Texts;
using Orleans;

namespace VibeCoder.Grains.Telegram.Delivery;

/// <summary>
/// While a job's slides are drawn, refreshes its status message ("drawing slides 3/7…") from the job's progress. The
/// workflow reports a step only when it starts, so the slide count is read from the job grain on a timer, off any grain
/// turn; the watch ends when the job leaves the render step or <see cref="Stop"/> is called.
/// </summary>
internal sealed partial class RenderProgressWatcher(
    IGrainFactory grains,
    BotReplies replies,
    IOptions<TelegramBotOptions> options,
    TimeProvider clock,
    ILogger<RenderProgressWatcher> logger) : IDisposable
{
    private static readonly TimeSpan MaxWatch = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, CancellationTokenSource> _watches = new(StringComparer.Ordinal);

    /// <summary>Starts watching <paramref name="job"/> unless it is watched already.</summary>
    public void Start(CarouselJobSnapshot job, long chatId, int statusMessageId, BotTexts texts)
    {
        var cancellation = new CancellationTokenSource(MaxWatch, clock);
        if (!_watches.TryAdd(job.Id, cancellation))
        {
            cancellation.Dispose();
            return;
        }

        _ = Task.Run(() => WatchAsync(job, chatId, statusMessageId, texts, cancellation), CancellationToken.None);
    }

    /// <summary>Ends the watch of a job (its delivery or failure is being reported).</summary>
    public void Stop(string jobId)
    {
        if (_watches.TryRemove(jobId, out var cancellation))
        {
            cancellation.Cancel();
            cancellation.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var jobId in _watches.Keys)
        {
            Stop(jobId);
        }
    }

    private async Task WatchAsync(CarouselJobSnapshot job, long chatId, int statusMessageId, BotTexts texts, CancellationTokenSource cancellation)
    {
        var cancellationToken = cancellation.Token;
        var shown = job.RenderedSlides;
        var total = job.Request.SlideCount;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(options.Value.RenderProgressInterval, clock, cancellationToken);
                var current = await grains.GetGrain<ICarouselJobGrain>(job.Id).Get().WaitAsync(cancellationToken);
                if (current is not { Status: JobStatus.Rendering })
                {
                    return;
                }

                if (current.RenderedSlides != shown && current.RenderedSlides < total)
                {
                    shown = current.RenderedSlides;
                    await replies.EditAsync(chatId, statusMessageId, texts.StatusRendering(job.Request.Topic, shown, total), cancellationToken: cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the job moved on.
        }
        catch (Exception exception) when (exception is RequestException or HttpRequestException or TimeoutException)
        {
            Log.WatchEnded(logger, job.Id, exception.Message);
        }
        finally
        {
            // Only this watch's own entry: a retried render step may have started a new watch meanwhile.
            if (_watches.TryRemove(new KeyValuePair<string, CancellationTokenSource>(job.Id, cancellation)))
            {
                cancellation.Dispose();
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Stopped showing render progress of job {JobId}: {Reason}")]
        public static partial void WatchEnded(ILogger logger, string jobId, string reason);
    }
}
