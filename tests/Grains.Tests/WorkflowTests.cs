using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Users;
using VibeCoder.Runtime;
using VibeCoder.TestServers.OpenAi;

namespace VibeCoder.Grains.Tests;

public sealed class WorkflowTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private OpenAiStandInServer _openAi = null!;

    public async Task InitializeAsync() => _openAi = await OpenAiStandInServer.StartAsync();

    public async Task DisposeAsync() => await _openAi.DisposeAsync();

    [Fact]
    public async Task Workflow_WithModelAnswer_CompletesAndRecordsHistoryOnce()
    {
        _openAi.WhenEmpty = ProductSilo.ModelAnswer(4);
        await using var silo = await ProductSilo.StartAsync(_openAi, ProductSilo.NewDatabasePath());
        var (jobId, user) = (NewJobId(), "user-" + Guid.NewGuid().ToString("N"));
        await silo.GrainFactory.GetGrain<IUserGrain>(user).TryReserveQuota(jobId).WaitAsync(Timeout);

        var final = WhenFinal(silo.Services, jobId);
        await silo.GrainFactory.GetGrain<IWorkflowGrain>(jobId).Start(ProductSilo.Request("Morning routines", 4, user)).WaitAsync(Timeout);
        var job = await final.WaitAsync(Timeout);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal("Morning routines that stick", job.Content!.Title);
        Assert.Equal(4, job.RenderedSlides);
        var profile = await silo.GrainFactory.GetGrain<IUserGrain>(user).GetProfile().WaitAsync(Timeout);
        Assert.Equal(1, profile.CarouselsCreated);
        var history = await silo.GrainFactory.GetGrain<IUserGrain>(user).GetHistory(10).WaitAsync(Timeout);
        Assert.Equal(JobStatus.Completed, Assert.Single(history).Status);
    }

    [Fact]
    public async Task Start_CalledTwice_RunsOneWorkflow()
    {
        _openAi.WhenEmpty = ProductSilo.ModelAnswer(3);
        await using var silo = await ProductSilo.StartAsync(_openAi, ProductSilo.NewDatabasePath());
        var jobId = NewJobId();
        var workflow = silo.GrainFactory.GetGrain<IWorkflowGrain>(jobId);

        var final = WhenFinal(silo.Services, jobId);
        await workflow.Start(ProductSilo.Request("Twice started", 3)).WaitAsync(Timeout);
        await workflow.Start(ProductSilo.Request("Twice started", 3)).WaitAsync(Timeout);
        await final.WaitAsync(Timeout);

        Assert.Single(_openAi.Requests);
    }

    [Fact]
    public async Task Cancel_WhileWriting_EndsCancelledAndRefundsQuota()
    {
        _openAi.Enqueue(ProductSilo.ModelAnswer(4).After(TimeSpan.FromSeconds(20)));
        await using var silo = await ProductSilo.StartAsync(_openAi, ProductSilo.NewDatabasePath(), quotaPerHour: 1);
        var (jobId, user) = (NewJobId(), "user-" + Guid.NewGuid().ToString("N"));
        var users = silo.GrainFactory.GetGrain<IUserGrain>(user);
        Assert.True((await users.TryReserveQuota(jobId).WaitAsync(Timeout)).Allowed);
        Assert.False((await users.TryReserveQuota(NewJobId()).WaitAsync(Timeout)).Allowed);

        var final = WhenFinal(silo.Services, jobId);
        await silo.GrainFactory.GetGrain<IWorkflowGrain>(jobId).Start(ProductSilo.Request("Cancelled topic", 4, user)).WaitAsync(Timeout);
        await WaitForRequestsAsync(1);
        Assert.True(await silo.GrainFactory.GetGrain<IWorkflowGrain>(jobId).Cancel().WaitAsync(Timeout));
        var job = await final.WaitAsync(Timeout);

        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.True((await users.TryReserveQuota(NewJobId()).WaitAsync(Timeout)).Allowed, "the cancelled job's quota unit was given back");
        Assert.Equal(JobStatus.Cancelled, Assert.Single(await users.GetHistory(10).WaitAsync(Timeout)).Status);
    }

    [Fact]
    public async Task WriteStep_FailingEveryAttempt_FailsWithClearErrorAfterRetriesAndRefunds()
    {
        _openAi.WhenEmpty = ScriptedChatResponse.Error(500);
        await using var silo = await ProductSilo.StartAsync(_openAi, ProductSilo.NewDatabasePath(), quotaPerHour: 1);
        var (jobId, user) = (NewJobId(), "user-" + Guid.NewGuid().ToString("N"));
        var users = silo.GrainFactory.GetGrain<IUserGrain>(user);
        await users.TryReserveQuota(jobId).WaitAsync(Timeout);

        var final = WhenFinal(silo.Services, jobId);
        await silo.GrainFactory.GetGrain<IWorkflowGrain>(jobId).Start(ProductSilo.Request("Doomed topic", 4, user)).WaitAsync(Timeout);
        var job = await final.WaitAsync(Timeout);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.False(string.IsNullOrWhiteSpace(job.Error));
        Assert.DoesNotContain("sk-test-key", job.Error, StringComparison.Ordinal);
        Assert.Equal(3, _openAi.Requests.Count);
        Assert.True((await users.TryReserveQuota(NewJobId()).WaitAsync(Timeout)).Allowed, "the failed job's quota unit was given back");
    }

    [Fact]
    public async Task WriteStep_FailingOnceThenSucceeding_Completes()
    {
        _openAi.Enqueue(ScriptedChatResponse.Error(500));
        _openAi.WhenEmpty = ProductSilo.ModelAnswer(3);
        await using var silo = await ProductSilo.StartAsync(_openAi, ProductSilo.NewDatabasePath());
        var jobId = NewJobId();

        var final = WhenFinal(silo.Services, jobId);
        await silo.GrainFactory.GetGrain<IWorkflowGrain>(jobId).Start(ProductSilo.Request("Retried topic", 3)).WaitAsync(Timeout);

        Assert.Equal(JobStatus.Completed, (await final.WaitAsync(Timeout)).Status);
        Assert.Equal(2, _openAi.Requests.Count);
    }

    [Fact]
    public async Task SiloCrash_MidWrite_ResumesAfterRestartAndCompletesExactlyOnce()
    {
        // The first model call hangs; the silo dies during it; the second answers at once.
        _openAi.Enqueue(ProductSilo.ModelAnswer(4).After(TimeSpan.FromSeconds(25)));
        _openAi.WhenEmpty = ProductSilo.ModelAnswer(4, "Resumed after a crash");
        var database = ProductSilo.NewDatabasePath();
        await using var silo = await ProductSilo.StartAsync(_openAi, database);
        var (jobId, user) = (NewJobId(), "user-" + Guid.NewGuid().ToString("N"));
        await silo.GrainFactory.GetGrain<IUserGrain>(user).TryReserveQuota(jobId).WaitAsync(Timeout);
        await silo.GrainFactory.GetGrain<IWorkflowGrain>(jobId).Start(ProductSilo.Request("Crash test", 4, user)).WaitAsync(Timeout);
        await WaitForRequestsAsync(1);

        await silo.CrashAndRestartAsync();
        var final = WhenFinal(silo.Services, jobId);
        var job = await silo.GrainFactory.GetGrain<ICarouselJobGrain>(jobId).Get().WaitAsync(Timeout);
        if (job?.IsFinal != true)
        {
            job = await final.WaitAsync(Timeout); // the watchdog reminder brings the workflow back
        }

        Assert.Equal(JobStatus.Completed, job!.Status);
        Assert.Equal("Resumed after a crash", job.Content!.Title);
        var users = silo.GrainFactory.GetGrain<IUserGrain>(user);
        Assert.Equal(1, (await users.GetProfile().WaitAsync(Timeout)).CarouselsCreated);
        Assert.Single(await users.GetHistory(10).WaitAsync(Timeout));
    }

    private static string NewJobId() => Guid.NewGuid().ToString("N");

    private static Task<CarouselJobSnapshot> WhenFinal(IServiceProvider services, string jobId) =>
        services.GetRequiredService<JobCompletionSignals>().WhenFinal(jobId);

    private Task WaitForRequestsAsync(int count) => _openAi.WaitForRequestsAsync(count, Timeout);
}
