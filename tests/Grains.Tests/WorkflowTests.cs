using Orleans.Runtime;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Users;
using VibeCoder.TestServers.OpenAi;
using static VibeCoder.Grains.Tests.ProductCluster;

namespace VibeCoder.Grains.Tests;

[Collection(ProductClusterCollection.Name)]
public sealed class WorkflowTests(ProductCluster product) : IAsyncLifetime
{
    private IGrainFactory Grains => product.Grains;

    private OpenAiStandInServer OpenAi => product.OpenAi;

    public Task InitializeAsync()
    {
        OpenAi.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Workflow_WithModelAnswer_CompletesAndRecordsHistoryOnce()
    {
        OpenAi.WhenEmpty = ModelAnswer(4);
        var (jobId, user) = (NewId(), "user-" + NewId());
        await Grains.GetGrain<IUserGrain>(user).TryReserveQuota(jobId).WaitAsync(TestTimeout);

        await Grains.GetGrain<IWorkflowGrain>(jobId).Start(Request("Morning routines", 4, user)).WaitAsync(TestTimeout);
        var job = await WaitUntilFinalAsync(jobId);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal("Morning routines that stick", job.Content!.Title);
        Assert.Equal(4, job.RenderedSlides);
        var profile = await Grains.GetGrain<IUserGrain>(user).GetProfile().WaitAsync(TestTimeout);
        Assert.Equal(1, profile.CarouselsCreated);
        var history = await Grains.GetGrain<IUserGrain>(user).GetHistory(10).WaitAsync(TestTimeout);
        Assert.Equal(JobStatus.Completed, Assert.Single(history).Status);
    }

    [Fact]
    public async Task Start_CalledTwice_RunsOneWorkflow()
    {
        OpenAi.WhenEmpty = ModelAnswer(3);
        var jobId = NewId();
        var workflow = Grains.GetGrain<IWorkflowGrain>(jobId);

        await workflow.Start(Request("Twice started", 3)).WaitAsync(TestTimeout);
        await workflow.Start(Request("Twice started", 3)).WaitAsync(TestTimeout);
        await WaitUntilFinalAsync(jobId);

        Assert.Single(OpenAi.Requests);
    }

    [Fact]
    public async Task Cancel_WhileWriting_EndsCancelledAndRefundsQuota()
    {
        OpenAi.Enqueue(ModelAnswer(4).After(TimeSpan.FromSeconds(20)));
        var (jobId, user) = (NewId(), "user-" + NewId());
        var users = Grains.GetGrain<IUserGrain>(user);
        Assert.True((await users.TryReserveQuota(jobId).WaitAsync(TestTimeout)).Allowed);
        for (var i = 1; i < QuotaPerHour; i++)
        {
            Assert.True((await users.TryReserveQuota(NewId()).WaitAsync(TestTimeout)).Allowed);
        }

        Assert.False((await users.TryReserveQuota(NewId()).WaitAsync(TestTimeout)).Allowed);

        await Grains.GetGrain<IWorkflowGrain>(jobId).Start(Request("Cancelled topic", 4, user)).WaitAsync(TestTimeout);
        await OpenAi.WaitForRequestsAsync(1, TestTimeout);
        Assert.True(await Grains.GetGrain<IWorkflowGrain>(jobId).Cancel().WaitAsync(TestTimeout));
        var job = await WaitUntilFinalAsync(jobId);

        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.True((await users.TryReserveQuota(NewId()).WaitAsync(TestTimeout)).Allowed, "the cancelled job's quota unit was given back");
        Assert.Equal(JobStatus.Cancelled, Assert.Single(await users.GetHistory(10).WaitAsync(TestTimeout)).Status);
    }

    [Fact]
    public async Task WriteStep_AiServiceFailingPastTheDeadline_TriesUntilItThenFailsWithTheOutageMessageAndRefunds()
    {
        OpenAi.WhenEmpty = ScriptedChatResponse.Error(500);
        var (jobId, user) = (NewId(), "user-" + NewId());
        var users = Grains.GetGrain<IUserGrain>(user);
        for (var i = 0; i < QuotaPerHour; i++)
        {
            await users.TryReserveQuota(i == 0 ? jobId : NewId()).WaitAsync(TestTimeout);
        }

        await Grains.GetGrain<IWorkflowGrain>(jobId).Start(Request("Doomed topic", 4, user)).WaitAsync(TestTimeout);
        var job = await WaitUntilFinalAsync(jobId);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(Workflows.WorkflowGrain.AiOutageFailure, job.Error);
        Assert.Null(job.Notice);
        // The deadline counts from the workflow's start, a moment before the job record is created.
        Assert.True(job.CompletedAt - job.CreatedAt >= JobDeadline - TimeSpan.FromSeconds(1), $"failed only after the deadline (after {job.CompletedAt - job.CreatedAt})");
        Assert.True(OpenAi.Requests.Count > new CarouselOptions().MaxAttempts, "outage tries do not count toward MaxAttempts");
        Assert.True((await users.TryReserveQuota(NewId()).WaitAsync(TestTimeout)).Allowed, "the failed job's quota unit was given back");
    }

    [Fact]
    public async Task WriteStep_CredentialsRejected_FailsAtOnceWithoutWaiting()
    {
        OpenAi.WhenEmpty = ScriptedChatResponse.Error(401, "Incorrect API key provided.");
        var jobId = NewId();

        await Grains.GetGrain<IWorkflowGrain>(jobId).Start(Request("Rejected key topic", 3)).WaitAsync(TestTimeout);
        var job = await WaitUntilFinalAsync(jobId);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("credentials", job.Error, StringComparison.Ordinal);
        Assert.Null(job.Notice);
        Assert.Single(OpenAi.Requests);
    }

    [Fact]
    public async Task WriteStep_RateLimitedWithRetryAfter_ANewActivationWaitsForTheStoredDueTimeToo()
    {
        var retryAfter = TimeSpan.FromSeconds(3);
        OpenAi.Enqueue(ScriptedChatResponse.RateLimited(retryAfterSeconds: "3"));
        OpenAi.WhenEmpty = ModelAnswer(3);
        var jobId = NewId();
        var workflow = Grains.GetGrain<IWorkflowGrain>(jobId);
        await workflow.Start(Request("Rate limited topic", 3)).WaitAsync(TestTimeout);
        await OpenAi.WaitForRequestsAsync(1, TestTimeout);
        var limited = DateTimeOffset.UtcNow;
        var first = ActivationOf(workflow);

        // Every idle activation goes (the workflow's too, waiting is not a request); the watchdog brings the workflow back
        // within a second, and that activation must wait for the due time stored by the first instead of calling at once.
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero).WaitAsync(TestTimeout);
        await OpenAi.WaitForRequestsAsync(2, TestTimeout);
        var retried = DateTimeOffset.UtcNow;
        var second = ActivationOf(workflow);
        var job = await WaitUntilFinalAsync(jobId);

        Assert.NotNull(first);
        Assert.NotEqual(first, second);
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.True(retried - limited >= retryAfter - TimeSpan.FromMilliseconds(300), $"tried again after {retried - limited}, asked to wait {retryAfter}");
        Assert.Equal(2, OpenAi.Requests.Count);
        Assert.Single(OpenAi.Completed);
    }

    [Fact]
    public async Task SiloKilled_WhileWaitingOutAnOutage_ResumesOnTheOtherSiloAndCompletesWithOneGeneration()
    {
        OpenAi.Outage = ScriptedChatResponse.Error(503);
        OpenAi.WhenEmpty = ModelAnswer(3, "Written after the outage");
        var jobId = NewId();
        var workflow = Grains.GetGrain<IWorkflowGrain>(jobId);
        await workflow.Start(Request("Outage and crash", 3)).WaitAsync(TestTimeout);
        await OpenAi.WaitForRequestsAsync(2, TestTimeout);
        var delayed = await Grains.GetGrain<ICarouselJobGrain>(jobId).Get().WaitAsync(TestTimeout);
        Assert.Equal(Workflows.WorkflowGrain.DelayNotice, delayed!.Notice);

        var running = product.SiloOf(workflow) ?? throw new InvalidOperationException("The workflow is not active on any silo.");
        await product.Cluster.KillSiloAsync(running).WaitAsync(TestTimeout);
        try
        {
            OpenAi.Outage = null;

            // The watchdog reminder brings the workflow back on the surviving silo, still in the write step.
            var job = await WaitUntilFinalAsync(jobId);

            Assert.Equal(JobStatus.Completed, job.Status);
            Assert.Equal("Written after the outage", job.Content!.Title);
            Assert.Null(job.Notice);
            Assert.Single(OpenAi.Completed);
        }
        finally
        {
            OpenAi.Outage = null;
            await product.Cluster.StartAdditionalSiloAsync().WaitAsync(TestTimeout);
        }
    }

    [Fact]
    public async Task WriteStep_FailingOnceThenSucceeding_Completes()
    {
        OpenAi.Enqueue(ScriptedChatResponse.Error(500));
        OpenAi.WhenEmpty = ModelAnswer(3);
        var jobId = NewId();

        await Grains.GetGrain<IWorkflowGrain>(jobId).Start(Request("Retried topic", 3)).WaitAsync(TestTimeout);

        Assert.Equal(JobStatus.Completed, (await WaitUntilFinalAsync(jobId)).Status);
        Assert.Equal(2, OpenAi.Requests.Count);
    }

    [Fact]
    public async Task SiloKilled_MidWrite_WorkflowResumesOnTheOtherSiloAndCompletesExactlyOnce()
    {
        // The first model call hangs; the silo running the workflow dies during it; the next call answers at once.
        OpenAi.Enqueue(ModelAnswer(4).After(TimeSpan.FromSeconds(30)));
        OpenAi.WhenEmpty = ModelAnswer(4, "Resumed after a crash");
        var (jobId, user) = (NewId(), "user-" + NewId());
        await Grains.GetGrain<IUserGrain>(user).TryReserveQuota(jobId).WaitAsync(TestTimeout);
        var workflow = Grains.GetGrain<IWorkflowGrain>(jobId);
        await workflow.Start(Request("Crash test", 4, user)).WaitAsync(TestTimeout);
        await OpenAi.WaitForRequestsAsync(1, TestTimeout);

        var running = product.SiloOf(workflow) ?? throw new InvalidOperationException("The workflow is not active on any silo.");
        await product.Cluster.KillSiloAsync(running).WaitAsync(TestTimeout);
        try
        {
            // The watchdog reminder brings the workflow back on the surviving silo.
            var job = await WaitUntilFinalAsync(jobId);

            Assert.Equal(JobStatus.Completed, job.Status);
            Assert.Equal("Resumed after a crash", job.Content!.Title);
            Assert.NotEqual(running.SiloAddress, product.SiloOf(workflow)?.SiloAddress);
            var users = Grains.GetGrain<IUserGrain>(user);
            Assert.Equal(1, (await users.GetProfile().WaitAsync(TestTimeout)).CarouselsCreated);
            Assert.Single(await users.GetHistory(10).WaitAsync(TestTimeout));
        }
        finally
        {
            await product.Cluster.StartAdditionalSiloAsync().WaitAsync(TestTimeout);
        }
    }

    private Task<CarouselJobSnapshot> WaitUntilFinalAsync(string jobId) => product.WaitUntilFinalAsync(jobId);

    private ActivationId? ActivationOf(IAddressable grain) =>
        product.Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.ActivationId : null;
}
