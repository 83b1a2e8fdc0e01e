using System.Text.Json;
using Orleans.Runtime;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Events;
using VibeCoder.TestServers.OpenAi;
using static VibeCoder.Grains.Tests.ProductCluster;

namespace VibeCoder.Grains.Tests.Editing;

[Collection(ProductClusterCollection.Name)]
public sealed class SlideEditTests(ProductCluster product) : IAsyncLifetime
{
    private IGrainFactory Grains => product.Grains;

    public Task InitializeAsync()
    {
        product.OpenAi.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EditSlide_NewText_StoresRevisionAndChangesOnlyThatSlide()
    {
        var (jobId, before) = await CompletedJobAsync(5);
        var job = Grains.GetGrain<ICarouselJobGrain>(jobId);

        var result = await job.EditSlide(SlideEdit.Text(3, "Attach it to coffee", null), 0).WaitAsync(TestTimeout);

        Assert.Equal(SlideEditOutcome.Applied, result.Outcome);
        Assert.Equal([3], result.ChangedSlides);
        var after = (await job.Get().WaitAsync(TestTimeout))!;
        Assert.Equal(1, after.Revision);
        Assert.Equal(1, after.UndoDepth);
        Assert.Equal("Attach it to coffee", after.Slides[2].Heading);
        Assert.Equal(before.Slides[2].Body, after.Slides[2].Body);
        Assert.Equal(before.Slides.Where(s => s.Index != 3).Select(s => s.ImageKey), after.Slides.Where(s => s.Index != 3).Select(s => s.ImageKey));
        Assert.NotEqual(before.Slides[2].ImageKey, after.Slides[2].ImageKey);
        Assert.Equal(before.Content!.Title, after.Content!.Title);
    }

    [Fact]
    public async Task EditSlide_CoverHeading_RenamesTheCarousel()
    {
        var (jobId, _) = await CompletedJobAsync(4);

        var result = await Grains.GetGrain<ICarouselJobGrain>(jobId).EditSlide(SlideEdit.Text(1, "Evenings that stick", null), null).WaitAsync(TestTimeout);

        Assert.Equal("Evenings that stick", result.Job!.Content!.Title);
    }

    [Fact]
    public async Task EditSlide_RemoveAndMove_RenumberTheSlidesAfter()
    {
        var (jobId, before) = await CompletedJobAsync(6);
        var job = Grains.GetGrain<ICarouselJobGrain>(jobId);

        var moved = await job.EditSlide(SlideEdit.Move(2, 4), 0).WaitAsync(TestTimeout);
        Assert.Equal(SlideEditOutcome.Applied, moved.Outcome);
        Assert.Equal([2, 3, 4], moved.ChangedSlides);
        Assert.Equal(
            [before.Slides[0].Heading, before.Slides[2].Heading, before.Slides[3].Heading, before.Slides[1].Heading, before.Slides[4].Heading, before.Slides[5].Heading],
            moved.Job!.Slides.Select(s => s.Heading));

        var removed = await job.EditSlide(SlideEdit.Remove(3), 1).WaitAsync(TestTimeout);
        Assert.Equal(SlideEditOutcome.Applied, removed.Outcome);
        Assert.Equal(5, removed.Job!.Slides.Count);
        Assert.Equal([1, 2, 3, 4, 5], removed.ChangedSlides); // "n/5" on every page now
        Assert.DoesNotContain(before.Slides[3].Heading, removed.Job.Slides.Select(s => s.Heading));
    }

    [Theory]
    [InlineData(SlideEditKind.Remove, 1, null, null, null)]
    [InlineData(SlideEditKind.Remove, 4, null, null, null)]
    [InlineData(SlideEditKind.Move, 2, null, null, 1)]
    [InlineData(SlideEditKind.Move, 1, null, null, 2)]
    [InlineData(SlideEditKind.Text, 2, "", null, null)]
    [InlineData(SlideEditKind.Text, 2, null, "   ", null)]
    [InlineData(SlideEditKind.Text, 9, "Nine", null, null)]
    public async Task EditSlide_AgainstTheRules_IsInvalidAndChangesNothing(SlideEditKind kind, int slide, string? heading, string? body, int? to)
    {
        var (jobId, before) = await CompletedJobAsync(4);
        var job = Grains.GetGrain<ICarouselJobGrain>(jobId);

        var result = await job.EditSlide(new SlideEdit(kind, slide, heading, body, to), null).WaitAsync(TestTimeout);

        Assert.Equal(SlideEditOutcome.Invalid, result.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        var after = (await job.Get().WaitAsync(TestTimeout))!;
        Assert.Equal(0, after.Revision);
        Assert.Equal(before.Slides, after.Slides);
    }

    [Fact]
    public async Task EditSlide_TooLongHeading_IsInvalid()
    {
        var (jobId, _) = await CompletedJobAsync(3);

        var result = await Grains.GetGrain<ICarouselJobGrain>(jobId).EditSlide(SlideEdit.Text(2, new string('x', 91), null), null).WaitAsync(TestTimeout);

        Assert.Equal(SlideEditOutcome.Invalid, result.Outcome);
        Assert.Contains("90", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditSlide_StaleRevision_IsAConflictAndKeepsTheOtherEdit()
    {
        var (jobId, _) = await CompletedJobAsync(4);
        var job = Grains.GetGrain<ICarouselJobGrain>(jobId);
        await job.EditSlide(SlideEdit.Text(2, "First writer", null), 0).WaitAsync(TestTimeout);

        var late = await job.EditSlide(SlideEdit.Text(2, "Second writer", null), 0).WaitAsync(TestTimeout);

        Assert.Equal(SlideEditOutcome.Conflict, late.Outcome);
        Assert.Equal("First writer", (await job.Get().WaitAsync(TestTimeout))!.Slides[1].Heading);
    }

    [Fact]
    public async Task EditSlide_UnfinishedOrMissingJob_IsRefused()
    {
        var queued = NewId();
        await Grains.GetGrain<ICarouselJobGrain>(queued).Create(Request("Not finished yet")).WaitAsync(TestTimeout);

        var unfinished = await Grains.GetGrain<ICarouselJobGrain>(queued).EditSlide(SlideEdit.Text(1, "x", null), null).WaitAsync(TestTimeout);
        var missing = await Grains.GetGrain<ICarouselJobGrain>(NewId()).Undo(null).WaitAsync(TestTimeout);

        Assert.Equal(SlideEditOutcome.NotEditable, unfinished.Outcome);
        Assert.Equal(SlideEditOutcome.NotFound, missing.Outcome);
        Assert.Null(missing.Job);
    }

    [Fact]
    public async Task Undo_TakesEditsBackInOrder_ThenHasNothingLeft()
    {
        var (jobId, before) = await CompletedJobAsync(5);
        var job = Grains.GetGrain<ICarouselJobGrain>(jobId);
        await job.EditSlide(SlideEdit.Text(2, "Edited once", "And its body"), 0).WaitAsync(TestTimeout);
        await job.EditSlide(SlideEdit.Remove(3), 1).WaitAsync(TestTimeout);

        var first = await job.Undo(2).WaitAsync(TestTimeout);
        Assert.Equal(SlideEditOutcome.Applied, first.Outcome);
        Assert.Equal(5, first.Job!.Slides.Count);
        Assert.Equal("Edited once", first.Job.Slides[1].Heading);
        Assert.Equal(3, first.Job.Revision);

        var second = await job.Undo(null).WaitAsync(TestTimeout);
        Assert.Equal(before.Slides, second.Job!.Slides);
        Assert.Equal(4, second.Job.Revision);
        Assert.Equal(0, second.Job.UndoDepth);
        Assert.Equal([2], second.ChangedSlides);

        Assert.Equal(SlideEditOutcome.NothingToUndo, (await job.Undo(null).WaitAsync(TestTimeout)).Outcome);
    }

    [Fact]
    public async Task EditSlide_AfterTheActivationIsCollected_IsReadBackFromStorage()
    {
        var (jobId, _) = await CompletedJobAsync(4);
        var job = Grains.GetGrain<ICarouselJobGrain>(jobId);
        await job.EditSlide(SlideEdit.Text(2, "Kept on disk", null), 0).WaitAsync(TestTimeout);

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero).WaitAsync(TestTimeout);
        Assert.Null(product.SiloOf(job));

        var undone = await job.Undo(1).WaitAsync(TestTimeout);
        Assert.Equal(SlideEditOutcome.Applied, undone.Outcome);
        Assert.NotEqual("Kept on disk", undone.Job!.Slides[1].Heading);
    }

    [Fact]
    public async Task EditSlide_Applied_PublishesSlideEdited()
    {
        var (jobId, _) = await CompletedJobAsync(4);
        var events = await EventCollector.SubscribeAsync(product.Cluster.Client, jobId);

        await Grains.GetGrain<ICarouselJobGrain>(jobId).EditSlide(SlideEdit.Move(2, 3), 0).WaitAsync(TestTimeout);

        var seen = await events.WaitForTypesAsync(TestTimeout, EventTypes.CarouselSlideEdited);
        var edited = Assert.Single(seen, e => e.Type == EventTypes.CarouselSlideEdited);
        var data = edited.Data.Deserialize<CarouselSlideEdited>(EventEnvelope.JsonOptions)!;
        Assert.Equal((jobId, 1, "move", 2, (int?)3), (data.JobId, data.Revision, data.Kind, data.Slide, data.To));
        Assert.Equal([2, 3], data.ChangedSlides);
    }

    [Fact]
    public async Task Rewrite_ModelAnswer_AppliesItAsARewrite()
    {
        var (jobId, _) = await CompletedJobAsync(4);
        product.OpenAi.Enqueue(ScriptedChatResponse.Json(new { heading = "A sharper step", body = "Start with two minutes, not twenty." }));

        var result = await Grains.GetGrain<ISlideRewriterGrain>(0).Rewrite(jobId, 2, 0).WaitAsync(TestTimeout);

        Assert.Equal(SlideEditOutcome.Applied, result.Outcome);
        Assert.Equal(("A sharper step", "Start with two minutes, not twenty."), (result.Job!.Slides[1].Heading, result.Job.Slides[1].Body));
        Assert.Contains("Rewrite slide 2", product.OpenAi.Requests[^1].Messages[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewrite_UnusableAnswers_IsUnavailableAndChangesNothing()
    {
        var (jobId, before) = await CompletedJobAsync(4);
        product.OpenAi.Enqueue(ScriptedChatResponse.Success("not json"), ScriptedChatResponse.Json(new { heading = "", body = "" }));

        var result = await Grains.GetGrain<ISlideRewriterGrain>(0).Rewrite(jobId, 2, null).WaitAsync(TestTimeout);

        Assert.Equal(SlideEditOutcome.Unavailable, result.Outcome);
        Assert.Equal(before.Slides, (await Grains.GetGrain<ICarouselJobGrain>(jobId).Get().WaitAsync(TestTimeout))!.Slides);
    }

    [Fact]
    public async Task Rewrite_StaleRevision_AsksNothingOfTheModel()
    {
        var (jobId, _) = await CompletedJobAsync(4);
        var requests = product.OpenAi.Requests.Count;

        var result = await Grains.GetGrain<ISlideRewriterGrain>(0).Rewrite(jobId, 2, 7).WaitAsync(TestTimeout);

        Assert.Equal(SlideEditOutcome.Conflict, result.Outcome);
        Assert.Equal(requests, product.OpenAi.Requests.Count);
    }

    private async Task<(string JobId, CarouselJobSnapshot Job)> CompletedJobAsync(int slides)
    {
        var jobId = NewId();
        product.OpenAi.Enqueue(ModelAnswer(slides));
        await Grains.GetGrain<IWorkflowGrain>(jobId).Start(Request("Morning routines", slides)).WaitAsync(TestTimeout);
        var job = await product.WaitUntilFinalAsync(jobId);
        Assert.Equal(JobStatus.Completed, job.Status);
        return (jobId, job);
    }
}
