using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VibeCoder.Grains.State;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using VibeCoder.Grains.Events;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// The record of one carousel job, written by its workflow and read by the API and the bot. Callers waiting for the
/// final status (<see cref="WaitUntilFinal"/>, which interleaves) are released by the turn that writes it. Once
/// completed, the carousel can be edited slide by slide (<see cref="EditSlide"/>): edits are turns of this grain, so
/// they apply one at a time in order, each stored before it is answered, with the content before it kept for undo.
/// </summary>
public sealed partial class CarouselJobGrain(
    [PersistentState("job")] IPersistentState<CarouselJobState> state,
    TimeProvider clock,
    IServiceProvider services,
    ILogger<CarouselJobGrain> logger) : Grain, ICarouselJobGrain
{
    private const string EventSource = "carousel-editor";
    private readonly IStreamProvider? _events = services.GetKeyedService<IStreamProvider>(DomainEventStreams.ProviderName);
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
            // Slides are drawn in parallel and report as they finish, so progress calls can arrive out of order: never count down.
            RenderedSlides = update.RenderedSlides is { } rendered ? Math.Max(rendered, job.RenderedSlides) : job.RenderedSlides,
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
            state.State = state.State with { Job = next };
            return next;
        }

        await state.WriteOrRestoreAsync(state.State with { Job = next });
        if (next.IsFinal)
        {
            _final.TrySetResult(next);
        }

        return next;
    }

    public async Task<SlideEditResult> EditSlide(SlideEdit edit, int? expectedRevision)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (Refusal(expectedRevision) is { } refused)
        {
            return refused;
        }

        var job = state.State.Job!;
        var (content, error) = SlideEditor.Apply(job.Content!, edit);
        if (content is null)
        {
            return new SlideEditResult(SlideEditOutcome.Invalid, job, error, []);
        }

        var record = new CarouselEditRecord(edit, job.Content!, job.Revision + 1, clock.GetUtcNow());
        var edits = state.State.Edits.Count < SlideEditor.MaxUndoDepth ? state.State.Edits : state.State.Edits.Skip(1);
        return await CommitAsync(content, [.. edits, record], edit.Kind.ToString().ToLowerInvariant(), edit);
    }

    public async Task<SlideEditResult> Undo(int? expectedRevision)
    {
        if (Refusal(expectedRevision) is { } refused)
        {
            return refused;
        }

        var edits = state.State.Edits;
        if (edits.Count == 0)
        {
            return new SlideEditResult(SlideEditOutcome.NothingToUndo, state.State.Job, "There is no edit to undo.", []);
        }

        var last = edits[^1];
        return await CommitAsync(last.Before, edits.Take(edits.Count - 1).ToArray(), "undo", last.Edit);
    }

    public async Task SetTelegramAlbum(TelegramAlbum album)
    {
        ArgumentNullException.ThrowIfNull(album);
        var job = state.State.Job ?? throw new InvalidOperationException($"Job {this.GetPrimaryKeyString()} does not exist.");
        if (job.TelegramAlbum != album)
        {
            await state.WriteOrRestoreAsync(state.State with { Job = job with { TelegramAlbum = album } });
        }
    }

    // Why an edit cannot start, or null when it can.
    private SlideEditResult? Refusal(int? expectedRevision)
    {
        var job = state.State.Job;
        if (job is null)
        {
            return new SlideEditResult(SlideEditOutcome.NotFound, null, $"There is no carousel {this.GetPrimaryKeyString()}.", []);
        }

        if (job.Status != JobStatus.Completed || job.Content is null)
        {
            return new SlideEditResult(SlideEditOutcome.NotEditable, job, "Only a finished carousel can be edited.", []);
        }

        if (expectedRevision is { } expected && expected != job.Revision)
        {
            return new SlideEditResult(
                SlideEditOutcome.Conflict, job, $"The carousel changed meanwhile (revision {job.Revision}, not {expected}); look at it again and repeat the edit.", []);
        }

        return null;
    }

    private async Task<SlideEditResult> CommitAsync(CarouselContent content, IReadOnlyList<CarouselEditRecord> edits, string kind, SlideEdit edit)
    {
        var job = state.State.Job!;
        var changed = SlideEditor.ChangedSlides(job.Content!, content);
        var next = job with { Content = content, Revision = job.Revision + 1, UndoDepth = edits.Count, UpdatedAt = clock.GetUtcNow() };
        await state.WriteOrRestoreAsync(state.State with { Job = next, Edits = edits });
        Log.Edited(logger, next.Id, kind, edit.Slide, next.Revision);
        await PublishEditedAsync(next, kind, edit, changed);
        return new SlideEditResult(SlideEditOutcome.Applied, next, null, changed);
    }

    // The edit is stored before the event goes out; an event lost to a stream outage costs the journal a line, not the
    // user their edit, so it is logged rather than failing the call. The id is derived from job and revision, so a
    // republished event is dropped by idempotent consumers.
    private async Task PublishEditedAsync(CarouselJobSnapshot job, string kind, SlideEdit edit, IReadOnlyList<int> changed)
    {
        if (_events is null)
        {
            return; // hosts without an event stream provider (some tests)
        }

        var payload = new CarouselSlideEdited(job.Id, job.Request.UserId, job.Revision, kind, edit.Slide, edit.Kind == SlideEditKind.Move ? edit.To : null, changed);
        var metadata = new EventMetadata(job.CorrelationId ?? job.Id, null, job.Request.UserId);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{EventSource}:{job.Id}:{job.Revision}"))[..16]);
        var envelope = EventEnvelope.Create(EventTypes.CarouselSlideEdited, EventSource, payload, metadata, clock.GetUtcNow(), id);
        try
        {
            await _events.GetStream<EventEnvelope>(StreamId.Create(EventTypes.NamespaceOf(EventTypes.CarouselSlideEdited), job.Id)).OnNextAsync(envelope);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.PublishFailed(logger, job.Id, exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Carousel {JobId}: {Kind} of slide {Slide} stored as revision {Revision}")]
        public static partial void Edited(ILogger logger, string jobId, string kind, int slide, int revision);

        [LoggerMessage(2, LogLevel.Warning, "Could not publish carousel.slide.edited for job {JobId}")]
        public static partial void PublishFailed(ILogger logger, string jobId, Exception exception);
    }
}
