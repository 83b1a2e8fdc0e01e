using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCoder.Content;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Diagnostics;
using VibeCoder.Grains.Events;
using VibeCoder.Grains.Monitoring;
using VibeCoder.Grains.State;
using VibeCoder.Grains.Users;
using VibeCoder.Persistence;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;

namespace VibeCoder.Grains.Workflows;

/// <summary>
/// The saga of one carousel: analyse → write → render → deliver → record. The steps run in a loop started from
/// a request but detached from it (as in Orleans, its continuations are turns of this activation), so status
/// calls and <see cref="Cancel"/> get in between steps. Each attempt and each outcome is written before going
/// on; a durable watchdog reminder brings the workflow back after a crash, where it resumes from the last
/// completed step. Only the loop writes state, so writes never race. A new job is started only when the silo's
/// <see cref="JobAdmission"/> has room (otherwise <see cref="Start"/> throws <see cref="CarouselOverloadedException"/>
/// before anything is stored); the activation holds its admission ticket while the loop may run and returns it when
/// the job is final or the activation goes.
/// </summary>
public sealed partial class WorkflowGrain(
    [PersistentState("workflow")] IPersistentState<WorkflowState> state,
    IContentGenerator contentGenerator,
    CarouselImages images,
    PipelineMonitor monitor,
    JobAdmission admission,
    IOptions<CarouselOptions> options,
    IEnumerable<ICarouselDelivery> deliveries,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<WorkflowGrain> logger) : Grain, IWorkflowGrain, IRemindable
{
    private const string WatchdogReminder = "watchdog";
    private const string EventSource = "carousel-workflow";

    /// <summary>What the job record says while generation waits out an outage of the AI service.</summary>
    internal const string DelayNotice = "Generation is delayed: the AI service is unavailable. Your carousel continues automatically.";

    /// <summary>Why a job failed whose deadline passed during an outage of the AI service.</summary>
    internal const string AiOutageFailure = "The AI service stayed unavailable for too long, so this carousel could not be written. Please try again later.";

    // How often an activation waiting on another one's delivery lease looks at the stored state again.
    private static readonly TimeSpan LeasePoll = TimeSpan.FromSeconds(1);

    // Beyond the deliver step's own timeout: the holder still writes the attempt's outcome after it is cancelled.
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);

    private readonly IStreamProvider? _events = services.GetKeyedService<IStreamProvider>(DomainEventStreams.ProviderName);

    private readonly CancellationTokenSource _cancellation = new();
    private readonly CancellationTokenSource _drain = new();
    private Task? _run;
    private IReadOnlyList<byte[]>? _renderedSlides;
    private JobAdmission.Ticket? _admitted;

    private CarouselOptions Options => options.Value;

    private ICarouselJobGrain Job => GrainFactory.GetGrain<ICarouselJobGrain>(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // After a crash the watchdog reminder activates us; pick up where the stored state says.
        if (state.State.Request is not null && state.State.Outcome is null)
        {
            EnsureRunning();
        }

        return Task.CompletedTask;
    }

    public async Task<CarouselJobSnapshot> Start(CarouselRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Request is not null)
        {
            // Asked again (a client retrying, or a call whose answer was lost when a silo died): make sure it runs and
            // is watched.
            var existing = await Job.Get() ?? await Job.Create(state.State.Request);
            if (state.State.Outcome is null)
            {
                await this.RegisterOrUpdateReminder(WatchdogReminder, Options.WatchdogPeriod, Options.WatchdogPeriod);
                EnsureRunning();
            }

            return existing;
        }

        // Shed before anything is stored or published: a refused job leaves no trace, and its caller may simply ask again.
        if (admission.TryAdmit() is not { } ticket)
        {
            DeactivateOnIdle();
            throw new CarouselOverloadedException(admission.RetryAfter);
        }

        _admitted = ticket;
        try
        {
            return await StartNewAsync(request);
        }
        catch (Exception)
        {
            // Refused on storage or a lost call: nothing runs here, so the place goes back; a repeated start readmits it.
            ReturnAdmission(finished: false);
            throw;
        }
    }

    public Task<bool> Cancel()
    {
        if (state.State.Outcome is not null || state.State.Finishing is not null || state.State.Request is null)
        {
            return Task.FromResult(false);
        }

        // The run loop notices, writes the outcome and compensates; only it writes state.
        _cancellation.Cancel();
        EnsureRunning();
        return Task.FromResult(true);
    }

    private async Task<CarouselJobSnapshot> StartNewAsync(CarouselRequest request)
    {
        request = await WithBrandKitAsync(request);
        await state.WriteOrRestoreAsync(new WorkflowState
        {
            Request = request,
            Step = WorkflowStep.Analyse,
            StartedAt = clock.GetUtcNow(),
            CorrelationId = Correlation.EnsureId(), // in the request context too, so the job record gets it
        });

        var job = await Job.Create(request);
        // Independent of each other and of this grain's state: one round trip's wait instead of two.
        await Task.WhenAll(
            PublishAsync(new WorkflowStarted(this.GetPrimaryKeyString(), "carousel", this.GetPrimaryKeyString())),
            PublishAsync(new CarouselGenerateRequested(
                this.GetPrimaryKeyString(), request.UserId, request.Topic, request.SlideCount, request.Design.Theme, request.Language)));

        // The watchdog comes last: when anything before it failed (storage down, a silo lost mid-call) the caller is
        // told so and nothing resumes this workflow behind its back, so a refused API request never also runs; a
        // caller that retries the same job (the bot redelivers its update) reaches the branch above, which revives it.
        await this.RegisterOrUpdateReminder(WatchdogReminder, Options.WatchdogPeriod, Options.WatchdogPeriod);

        monitor.RecordStatus(JobStatus.Queued);
        CarouselTelemetry.JobReached(JobStatus.Queued);
        EnsureRunning();
        return job;
    }

    /// <summary>
    /// The request with the user's brand kit as it is now. Copied once, before the request is stored, so the job is
    /// drawn with this kit to the end (a retry, another silo, a re-render after eviction) whatever the user changes
    /// later; an anonymous request keeps the design it came with.
    /// </summary>
    private async Task<CarouselRequest> WithBrandKitAsync(CarouselRequest request)
    {
        if (request.UserId is not { } userId)
        {
            return request;
        }

        var kit = await GrainFactory.GetGrain<IUserGrain>(userId).GetBrandKit();
        return request with { Design = request.Design with { Kit = kit == BrandKit.Empty ? null : kit } };
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Outcome is not null || state.State.Request is null)
        {
            await UnregisterWatchdogAsync();
            return;
        }

        EnsureRunning();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Drain (a silo shutting down on SIGTERM, or idle collection): the step under way finishes and its outcome is
        // written, and no further step starts here. The activation that takes over (on another silo, woken by the
        // watchdog) resumes from a written step instead of repeating a half-done one, such as an album already sent.
        _drain.Cancel();
        if (_run is { IsCompleted: false } run)
        {
            try
            {
                await run.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The deactivation budget ran out: the watchdog resumes from the last written step.
                Log.DrainTimedOut(logger, this.GetPrimaryKeyString());
            }
        }

        ReturnAdmission(finished: false);

        _cancellation.Dispose();
        _drain.Dispose();
    }

    private void EnsureRunning()
    {
        if (_run is null || _run.IsCompleted)
        {
            // Work accepted before (resumed after a crash, revived by a repeated start) is taken whatever the load.
            _admitted ??= admission.Readmit();
            _run = RunAsync();
        }
    }

    private void ReturnAdmission(bool finished)
    {
        if (finished)
        {
            _admitted?.Finished();
        }
        else
        {
            _admitted?.Abandoned();
        }

        _admitted = null;
    }

    private async Task RunAsync()
    {
        try
        {
            while (state.State.Outcome is null && !_drain.IsCancellationRequested)
            {
                if (state.State.Finishing is { } finishing)
                {
                    await FinishAsync(finishing, state.State.Error);
                    return;
                }

                if (_cancellation.IsCancellationRequested)
                {
                    await BeginFinishAsync(WorkflowOutcome.Cancelled, "Cancelled.");
                    continue;
                }

                if (state.State.Step is not { } step)
                {
                    await BeginFinishAsync(WorkflowOutcome.Completed, null);
                    continue;
                }

                await RunStepAttemptAsync(step);
            }
        }
        catch (Exception exception)
        {
            // Storage or a grain call failed outside any step (or storage failed inside one): this activation may hold
            // work storage does not have, so it goes; the watchdog reminder activates the workflow again from the
            // stored state once storage answers.
            Log.RunInterrupted(logger, this.GetPrimaryKeyString(), exception);
            DeactivateOnIdle();
        }
        finally
        {
            if (state.State.Outcome is not null)
            {
                ReturnAdmission(finished: true);
            }
        }
    }

    private async Task RunStepAttemptAsync(WorkflowStep step)
    {
        if (state.State.RetryNotBefore is { } due && due > clock.GetUtcNow())
        {
            // A try put off by an outage of the AI service waits until it is due, in an activation that resumed the
            // workflow after a restart too, so a recovering cluster does not hammer a service that is down.
            await WaitUntilAsync(due);
            return; // the loop looks at cancellation and drain afresh
        }

        if (step == WorkflowStep.Deliver && await WaitForOtherDeliveryAsync())
        {
            return; // the stored state was read again: the loop looks at it afresh
        }

        var attempt = state.State.Attempt + 1;
        var lease = step == WorkflowStep.Deliver ? new StepLease(SelfSilo.ToParsableString(), ActivationTag, clock.GetUtcNow() + Options.TimeoutOf(step) + LeaseMargin) : null;
        var jobUpdate = Job.Update(new JobUpdate(Status: StatusOf(step), Step: step));
        await Task.WhenAll(SaveAsync(state.State with { Attempt = attempt, Lease = lease }), jobUpdate);
        var job = await jobUpdate;
        await ReportProgressAsync(job);

        var started = clock.GetUtcNow();
        var clockTicks = Stopwatch.GetTimestamp();
        using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(_cancellation.Token);
        attemptCancellation.CancelAfter(Options.TimeoutOf(step));
        Exception? error = null;
        using (var activity = CarouselTelemetry.Source.StartActivity("workflow." + step.ToString().ToLowerInvariant()))
        {
            activity?.SetTag("job.id", this.GetPrimaryKeyString());
            activity?.SetTag("attempt", attempt);
            try
            {
                await ExecuteStepAsync(step, attemptCancellation.Token);
            }
            catch (Exception exception)
            {
                error = exception;
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(clockTicks);
        var outcome = error is null ? "ok" : _cancellation.IsCancellationRequested ? "cancelled" : "error";
        CarouselTelemetry.StepFinished(step, elapsed, outcome);
        monitor.RecordStep(step, elapsed, error is null);
        var record = new StepRecord(step, attempt, started, elapsed.TotalMilliseconds, outcome, error?.Message);
        if (error is null)
        {
            // The step's output (kept in State by the step) is written together with the move to the next step.
            var next = Next(step, state.State.Request!);
            await SaveAsync(state.State with
            {
                Step = next,
                Attempt = 0,
                Lease = null,
                RetryNotBefore = null,
                OutageRetries = 0,
                History = [.. state.State.History, record],
                Finishing = next is null ? WorkflowOutcome.Completed : null,
            });
            return;
        }

        if (StorageOutage.Is(error) && !_cancellation.IsCancellationRequested)
        {
            // Not the step's fault, so the job does not fail for it: the run loop is interrupted and the watchdog resumes it.
            ExceptionDispatchInfo.Throw(error);
        }

        if (!_cancellation.IsCancellationRequested && WorkflowFailures.IsAiOutage(step, error))
        {
            await WaitOutAiOutageAsync(record, error);
            return;
        }

        await SaveAsync(state.State with { History = [.. state.State.History, record], Lease = null });
        if (_cancellation.IsCancellationRequested)
        {
            return; // the loop finishes as cancelled
        }

        if (WorkflowFailures.IsRetryable(error) && (attempt < Options.MaxAttempts || IsDeferralWithinLimit(error)))
        {
            Log.StepRetrying(logger, this.GetPrimaryKeyString(), step, attempt, error);
            await DelayBeforeRetryAsync(attempt, (error as DeliveryDeferredException)?.RetryAt);
            return;
        }

        Log.StepFailed(logger, this.GetPrimaryKeyString(), step, attempt, error);
        await BeginFinishAsync(WorkflowOutcome.Failed, WorkflowFailures.UserFacingError(step, error));
    }

    private async Task ExecuteStepAsync(WorkflowStep step, CancellationToken cancellationToken)
    {
        var request = state.State.Request!;
        switch (step)
        {
            case WorkflowStep.Analyse:
                if (!TopicText.TryNormalize(request.Topic, out _, out var problem))
                {
                    throw new ArgumentException(problem);
                }

                state.State = state.State with { Language = DecideLanguage(request) };
                await PublishAsync(new AiContentRequested(this.GetPrimaryKeyString(), request.Topic, state.State.Language!, contentGenerator.Name));
                break;

            case WorkflowStep.Write:
                var writing = Stopwatch.GetTimestamp();
                var written = await contentGenerator.GenerateAsync(
                    new ContentRequest(request.Topic, request.SlideCount, state.State.Language ?? request.Language), cancellationToken);
                state.State = state.State with { Content = written };
                await Task.WhenAll(
                    Job.Update(new JobUpdate(Content: written, ClearNotice: true)), // generation resumed: the delay is over
                    PublishAsync(new AiAnalysisCompleted(this.GetPrimaryKeyString(), contentGenerator.Name, null, null, Stopwatch.GetElapsedTime(writing))),
                    PublishAsync(new CarouselContentAnalyzed(this.GetPrimaryKeyString(), written.Title, written.Slides.Count, written.Language)),
                    PublishAsync(new CarouselSlidesGenerated(this.GetPrimaryKeyString(), written.Title, written.Slides.Count)));
                break;

            case WorkflowStep.Render:
                // Drawing is CPU work: it runs on the thread pool, where grain state is out of reach, so take what it needs first.
                var jobId = this.GetPrimaryKeyString();
                var job = Job;
                var content = state.State.Content!;
                var rendering = Stopwatch.GetTimestamp();
                _renderedSlides = await Task.Run(
                    () => images.RenderAllAsync(jobId, content, request.Design, n => job.Update(new JobUpdate(RenderedSlides: n)), cancellationToken),
                    cancellationToken);
                state.State = state.State with { RenderedSlides = _renderedSlides.Count };
                await PublishAsync(new CarouselImagesRendered(jobId, _renderedSlides.Count, _renderedSlides.Sum(p => (long)p.Length), Stopwatch.GetElapsedTime(rendering)));
                break;

            case WorkflowStep.Deliver:
                if (request.Delivery is null)
                {
                    break; // requested over HTTP: the result is fetched from the API
                }

                var delivery = deliveries.FirstOrDefault()
                    ?? throw new InvalidOperationException("Telegram delivery is not configured (TELEGRAM_BOT_TOKEN is not set).");
                var snapshot = await Job.Get();
                var slides = _renderedSlides ?? await LoadSlidesAsync(snapshot!, cancellationToken);
                var sent = new DeliveredParts(
                    state.State.SentParts, part => SaveAsync(state.State with { SentParts = [.. state.State.SentParts, part] }));
                await delivery.DeliverAsync(snapshot!, slides, sent, cancellationToken);
                break;

            case WorkflowStep.Record:
                await RecordHistoryAsync(JobStatus.Completed);
                break;
        }
    }

    private async Task BeginFinishAsync(WorkflowOutcome outcome, string? error)
    {
        await SaveAsync(state.State with { Finishing = outcome, Error = error });
        await FinishAsync(outcome, error);
    }

    // Every side effect here is idempotent: a crash part-way just runs them all again on resume.
    private async Task FinishAsync(WorkflowOutcome outcome, string? error)
    {
        var request = state.State.Request!;
        var status = outcome switch
        {
            WorkflowOutcome.Completed => JobStatus.Completed,
            WorkflowOutcome.Cancelled => JobStatus.Cancelled,
            _ => JobStatus.Failed,
        };
        var sideEffects = new List<Task> { PublishFinishEventsAsync(outcome, status, error) };
        if (outcome != WorkflowOutcome.Completed)
        {
            // The record step wrote the completed history entry already; others get theirs (and the refund) here.
            sideEffects.Add(RecordHistoryAsync(status));
            if (request.UserId is { } userId)
            {
                sideEffects.Add(GrainFactory.GetGrain<IUserGrain>(userId).RefundQuota(this.GetPrimaryKeyString()));
            }
        }

        // The job turns final only after its compensation: whoever sees "failed" or "cancelled" sees the quota back.
        await Task.WhenAll(sideEffects);
        var job = await Job.Update(new JobUpdate(Status: status, Error: error, ClearStep: true, ClearNotice: true));
        if (outcome != WorkflowOutcome.Completed && request.Delivery is not null && deliveries.FirstOrDefault() is { } delivery)
        {
            await BestEffortAsync(() => delivery.ReportFailureAsync(job, CancellationToken.None));
        }

        await Task.WhenAll(SaveAsync(state.State with { Outcome = outcome, Step = null }), UnregisterWatchdogAsync());
        monitor.RecordStatus(status);
        CarouselTelemetry.JobReached(status);
        if (outcome == WorkflowOutcome.Failed)
        {
            monitor.RecordFailure(new PipelineFailure(this.GetPrimaryKeyString(), request.Topic, LastFailedStep(), error ?? "failed", clock.GetUtcNow()));
        }
    }

    private async Task PublishFinishEventsAsync(WorkflowOutcome outcome, JobStatus status, string? error)
    {
        var request = state.State.Request!;
        var jobId = this.GetPrimaryKeyString();
        var duration = clock.GetUtcNow() - (state.State.StartedAt ?? clock.GetUtcNow());
        var events = new List<Task>();
        if (request.UserId is { } userId)
        {
            events.Add(PublishAsync(new HistoryLogged(userId, jobId, request.Topic, status.ToString().ToLowerInvariant())));
        }

        if (outcome == WorkflowOutcome.Completed)
        {
            events.Add(PublishAsync(new CarouselCompleted(jobId, request.UserId, state.State.Content?.Slides.Count ?? 0, duration)));
        }
        else
        {
            var step = LastFailedStep()?.ToString().ToLowerInvariant() ?? "workflow";
            events.Add(PublishAsync(new CarouselFailed(jobId, request.UserId, step, error ?? outcome.ToString())));
            if (outcome == WorkflowOutcome.Failed)
            {
                events.Add(PublishAsync(new SystemErrorOccurred(EventSource, "workflow." + step, error ?? "failed")));
            }
        }

        events.Add(PublishAsync(new WorkflowCompleted(jobId, outcome.ToString().ToLowerInvariant(), duration, error)));
        await Task.WhenAll(events);
    }

    /// <summary>
    /// Publishes a domain event of this job with the job's correlation id. The id is derived from job and type, so
    /// a step replayed after a crash republishes the same event and idempotent consumers drop the repeat.
    /// </summary>
    private async Task PublishAsync<TPayload>(TPayload payload) where TPayload : IEventPayload
    {
        if (_events is null)
        {
            return; // hosts without an event stream provider (some tests) run the workflow without events
        }

        var jobId = this.GetPrimaryKeyString();
        var type = TPayload.EventType;
        var metadata = new EventMetadata(state.State.CorrelationId ?? jobId, null, state.State.Request?.UserId);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{EventSource}:{jobId}:{type}"))[..16]);
        var envelope = EventEnvelope.Create(type, EventSource, payload, metadata, clock.GetUtcNow(), id);
        await _events.GetStream<EventEnvelope>(StreamId.Create(EventTypes.NamespaceOf(type), jobId)).OnNextAsync(envelope);
    }

    private async Task RecordHistoryAsync(JobStatus status)
    {
        var request = state.State.Request!;
        if (request.UserId is { } userId)
        {
            await GrainFactory.GetGrain<IUserGrain>(userId).RecordHistory(
                new HistoryEntry(this.GetPrimaryKeyString(), request.Topic, state.State.Content?.Title, status, state.State.StartedAt ?? clock.GetUtcNow()));
        }
    }

    private async Task ReportProgressAsync(CarouselJobSnapshot job)
    {
        if (job.Request.Delivery is not null && deliveries.FirstOrDefault() is { } delivery)
        {
            await BestEffortAsync(() => delivery.ReportProgressAsync(job, _cancellation.Token));
        }
    }

    private async Task BestEffortAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.NotificationFailed(logger, this.GetPrimaryKeyString(), exception);
        }
        catch (OperationCanceledException)
        {
            // Cancelled with the workflow.
        }
    }

    private async Task<IReadOnlyList<byte[]>> LoadSlidesAsync(CarouselJobSnapshot job, CancellationToken cancellationToken)
    {
        var slides = new List<byte[]>();
        for (var n = 1; n <= (job.Content?.Slides.Count ?? 0); n++)
        {
            slides.Add(await images.GetSlideAsync(job.Id, n, cancellationToken) ?? throw new InvalidOperationException($"Slide {n} of job {job.Id} is missing."));
        }

        return slides;
    }

    // A delivery deferred (Telegram's flood control, or Telegram unreachable) does not count against MaxAttempts: the
    // deliverer says when to try again, and the step keeps waiting until DeliveryWaitLimit after its first failure.
    private bool IsDeferralWithinLimit(Exception error) =>
        error is DeliveryDeferredException
        && state.State.History.FirstOrDefault(record => record.Step == WorkflowStep.Deliver && record.Outcome != "ok") is { } first
        && clock.GetUtcNow() - first.StartedAt < Options.DeliveryWaitLimit;

    private async Task DelayBeforeRetryAsync(int attempt, DateTimeOffset? notBefore)
    {
        var delay = RetryDelays.BeforeAttempt(Options, attempt, notBefore, clock.GetUtcNow(), Random.Shared.NextDouble());

        try
        {
            // A drain cuts the wait short: the next activation retries after its own delay.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(_cancellation.Token, _drain.Token);
            await Task.Delay(delay, clock, wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Cancelled while waiting: the loop finishes as cancelled.
        }
    }

    /// <summary>
    /// An outage of the AI service (timeouts, 429, 5xx, an open circuit breaker) is not the job's fault: until the job's
    /// deadline the write step is tried again without counting toward <see cref="CarouselOptions.MaxAttempts"/>, after
    /// the wait the service asked for (the breaker's remaining break, Retry-After) or a capped backoff. The due time is
    /// stored, and the run loop waits for it. The first such failure tells the user, once, that generation is delayed.
    /// </summary>
    private async Task WaitOutAiOutageAsync(StepRecord record, Exception error)
    {
        var jobId = this.GetPrimaryKeyString();
        var now = clock.GetUtcNow();
        var deadline = (state.State.StartedAt ?? now) + Options.JobDeadline;
        var failed = state.State with { History = [.. state.State.History, record], Lease = null, RetryNotBefore = null };
        if (now >= deadline)
        {
            await SaveAsync(failed);
            Log.AiOutageOutlastedDeadline(logger, jobId, Options.JobDeadline, error);
            await BeginFinishAsync(WorkflowOutcome.Failed, AiOutageFailure);
            return;
        }

        var retries = state.State.OutageRetries + 1;
        var wait = RetryDelays.OutageWait(Options, retries, (error as ContentGenerationException)?.RetryAfter, deadline - now, Random.Shared.NextDouble());

        if (state.State.DelayNoticeAt is null)
        {
            // Told before the state records it: a crash in between repeats the same notice (an edit to the same text),
            // whereas recording first could lose it.
            var job = await Job.Update(new JobUpdate(Notice: DelayNotice));
            await ReportProgressAsync(job);
            Log.DelayNoticeGiven(logger, jobId);
        }

        // Outage tries do not count as attempts: MaxAttempts is for failures that trying again soon may cure.
        await SaveAsync(failed with { Attempt = 0, OutageRetries = retries, RetryNotBefore = now + wait, DelayNoticeAt = state.State.DelayNoticeAt ?? now });
        Log.WaitingOutAiOutage(logger, jobId, retries, (long)wait.TotalMilliseconds, error.Message);
    }

    private async Task WaitUntilAsync(DateTimeOffset due)
    {
        var delay = due - clock.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(_cancellation.Token, _drain.Token);
            await Task.Delay(delay, clock, wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Cancelled (the loop finishes as cancelled) or draining (the next activation waits for the same due time).
        }
    }

    private async Task UnregisterWatchdogAsync()
    {
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private Task SaveAsync(WorkflowState next) => state.WriteOrRestoreAsync(next);

    private SiloAddress SelfSilo => GrainContext.Address.SiloAddress!;

    private string ActivationTag => GrainContext.ActivationId.ToString();

    /// <summary>
    /// Waits while another activation of this workflow holds the delivery lease and may still be sending: it is on
    /// another silo that the membership does not (yet) count as dead, and its lease has not lapsed. Returns whether
    /// it waited, in which case the state was read again from storage.
    /// </summary>
    private async Task<bool> WaitForOtherDeliveryAsync()
    {
        var waited = false;
        while (state.State.Lease is { } lease && IsHeldElsewhere(lease) && !_drain.IsCancellationRequested)
        {
            if (!waited)
            {
                Log.WaitingForOtherDelivery(logger, this.GetPrimaryKeyString(), lease.Silo, lease.Until);
            }

            waited = true;
            try
            {
                await Task.Delay(LeasePoll, clock, _drain.Token);
            }
            catch (OperationCanceledException)
            {
                break; // draining: whoever takes over waits in its turn
            }

            await state.ReadStateAsync();
        }

        return waited;
    }

    private bool IsHeldElsewhere(StepLease lease)
    {
        if (lease.Activation == ActivationTag || lease.Until <= clock.GetUtcNow())
        {
            return false;
        }

        // A silo never runs two activations of one grain, so a holder on this silo (same generation) is gone. A holder
        // elsewhere is waited for until the membership declares its silo dead: only then can it no longer send.
        var holder = SiloAddress.FromParsableString(lease.Silo);
        if (holder.Equals(SelfSilo) || services.GetService<IClusterMembershipService>() is not { } membership)
        {
            return false;
        }

        return membership.CurrentSnapshot.GetSiloStatus(holder) is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Stopping;
    }

    private WorkflowStep? LastFailedStep() => state.State.History.LastOrDefault(r => r.Outcome != "ok")?.Step;

    // Jobs requested over HTTP have nobody to deliver to: they skip the deliver step.
    private static WorkflowStep? Next(WorkflowStep step, CarouselRequest request) => step switch
    {
        WorkflowStep.Record => null,
        WorkflowStep.Render when request.Delivery is null => WorkflowStep.Record,
        _ => step + 1,
    };

    private static JobStatus StatusOf(WorkflowStep step) => step switch
    {
        WorkflowStep.Analyse or WorkflowStep.Write => JobStatus.Generating,
        WorkflowStep.Render => JobStatus.Rendering,
        _ => JobStatus.Delivering,
    };

    private static string DecideLanguage(CarouselRequest request)
    {
        if (request.Language is "ru" or "en")
        {
            return request.Language;
        }

        int cyrillic = 0, latin = 0;
        foreach (var c in request.Topic)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        return cyrillic > latin ? "ru" : "en";
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Workflow {JobId}: step {Step} attempt {Attempt} failed; retrying")]
        public static partial void StepRetrying(ILogger logger, string jobId, WorkflowStep step, int attempt, Exception exception);

        [LoggerMessage(2, LogLevel.Error, "Workflow {JobId}: step {Step} failed after {Attempt} attempts")]
        public static partial void StepFailed(ILogger logger, string jobId, WorkflowStep step, int attempt, Exception exception);

        [LoggerMessage(20, LogLevel.Warning, "Workflow {JobId} did not finish its step within the deactivation budget; the watchdog will resume it")]
        public static partial void DrainTimedOut(ILogger logger, string jobId);

        [LoggerMessage(3, LogLevel.Warning, "Workflow {JobId} was interrupted; the watchdog will resume it")]
        public static partial void RunInterrupted(ILogger logger, string jobId, Exception exception);

        [LoggerMessage(4, LogLevel.Warning, "Workflow {JobId}: could not notify the user")]
        public static partial void NotificationFailed(ILogger logger, string jobId, Exception exception);

        [LoggerMessage(22, LogLevel.Warning, "Workflow {JobId}: the AI service is unavailable (try {Retry} failed: {Failure}); trying again in {WaitMs} ms")]
        public static partial void WaitingOutAiOutage(ILogger logger, string jobId, int retry, long waitMs, string failure);

        [LoggerMessage(23, LogLevel.Warning, "Workflow {JobId}: generation is delayed by an outage of the AI service; told the user")]
        public static partial void DelayNoticeGiven(ILogger logger, string jobId);

        [LoggerMessage(24, LogLevel.Error, "Workflow {JobId}: the AI service stayed unavailable past the job deadline ({Deadline}); failing the job")]
        public static partial void AiOutageOutlastedDeadline(ILogger logger, string jobId, TimeSpan deadline, Exception exception);

        [LoggerMessage(21, LogLevel.Information, "Workflow {JobId}: another activation on {Silo} is delivering (lease until {Until}); waiting for its outcome")]
        public static partial void WaitingForOtherDelivery(ILogger logger, string jobId, string silo, DateTimeOffset until);
    }
}
