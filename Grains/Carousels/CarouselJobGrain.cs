using VibeCoder.Grains.State;
using Orleans;
using Orleans.Runtime;
using VibeCoder.Grains.Events;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// The record of one carousel job, written by its workflow and read by the API and the bot. Callers waiting for the
/// final status (<see cref="WaitUntilFinal"/>, which interleaves) are released by the turn that writes it.
/// </summary>
public sealed class CarouselJobGrain(
    [PersistentState("job")] IPersistentState<CarouselJobState> state,
    TimeProvider clock) : Grain, ICarouselJobGrain
{
    private readonly TaskCompletionSource<CarouselJobSnapshot> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<CarouselJobSnapshot> Create(CarouselRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Job is { } existing)
        {
            return existing;
        }

        var now = clock.GetUtcNow();
        var job = new CarouselJobSnapshot(this.GetPrimaryKeyString(), JobStatus.Queued, request, null, null, 0, null, now, now, null, Correlation.CurrentId);
        await state.WriteOrRestoreAsync(new CarouselJobState { Job = job });
        return job;
    }

    public Task<CarouselJobSnapshot?> Get() => Task.FromResult(state.State.Job);

    public async Task<CarouselJobSnapshot?> WaitUntilFinal(TimeSpan maxWait)
    {
        if (state.State.Job is not { IsFinal: false })
        {
            return state.State.Job;
        }

        var wait = maxWait < ICarouselJobGrain.MaxWait ? maxWait : ICarouselJobGrain.MaxWait;
        using var timeout = new CancellationTokenSource(wait, clock);
        try
        {
            return await _final.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return state.State.Job;
        }
    }

    public async Task<CarouselJobSnapshot> Update(JobUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var job = state.State.Job ?? throw new InvalidOperationException($"Job {this.GetPrimaryKeyString()} does not exist.");
        if (job.IsFinal)
        {
            return job;
        }

        var now = clock.GetUtcNow();
        var status = update.Status ?? job.Status;
        var next = job with
        {
            Status = status,
            Step = update.ClearStep ? null : update.Step ?? job.Step,
            Content = update.Content ?? job.Content,
            RenderedSlides = update.RenderedSlides ?? job.RenderedSlides,
            Error = update.Error ?? job.Error,
            Notice = update.ClearNotice ? null : update.Notice ?? job.Notice,
            UpdatedAt = now,
            CompletedAt = status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled ? now : null,
        };
        if (next == job with { UpdatedAt = now })
        {
            return job;
        }

        // Slide-by-slide progress is for watchers, not for recovery (the workflow keeps its own record):
        // keep it in memory and let the next real change write it.
        if (update is { RenderedSlides: not null, Status: null, Step: null, Content: null, Error: null, ClearStep: false, Notice: null, ClearNotice: false })
        {
            state.State = new CarouselJobState { Job = next };
            return next;
        }

        await state.WriteOrRestoreAsync(new CarouselJobState { Job = next });
        if (next.IsFinal)
        {
            _final.TrySetResult(next);
        }

        return next;
    }
}
