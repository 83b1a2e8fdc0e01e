using VibeCoder.Content;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Workflows;

namespace VibeCoder.Grains.Tests;

public sealed class RetryDelaysTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static CarouselOptions Options => new()
    {
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        OutageRetryMaxDelay = TimeSpan.FromSeconds(30),
    };

    [Theory]
    [InlineData(1, 0.0, 1000)]
    [InlineData(2, 0.0, 2000)]
    [InlineData(3, 1.0, 6000)]
    public void BeforeAttempt_Doubles_WithUpToHalfAgainAsJitter(int attempt, double jitter, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryDelays.BeforeAttempt(Options, attempt, null, Now, jitter));

    [Fact]
    public void BeforeAttempt_NamedTime_WaitsExactlyUntilIt()
    {
        Assert.Equal(TimeSpan.FromSeconds(42), RetryDelays.BeforeAttempt(Options, 9, Now.AddSeconds(42), Now, 0.9));
        Assert.Equal(TimeSpan.Zero, RetryDelays.BeforeAttempt(Options, 1, Now.AddSeconds(-5), Now, 0.9));
    }

    [Fact]
    public void BeforeAttempt_HugeAttempt_DoesNotOverflow() =>
        Assert.True(RetryDelays.BeforeAttempt(new CarouselOptions { RetryBaseDelay = TimeSpan.FromTicks(1) }, int.MaxValue, null, Now, 0) > TimeSpan.Zero);

    [Fact]
    public void OutageWait_ServiceNamesAWait_TakesItButNotPastTheDeadline()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), RetryDelays.OutageWait(Options, 1, TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(10), 0));
        Assert.Equal(TimeSpan.FromSeconds(5), RetryDelays.OutageWait(Options, 1, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5), 0));
    }

    [Fact]
    public void OutageWait_ServiceSaysNow_WaitsAtLeastTheBaseDelay() =>
        Assert.Equal(TimeSpan.FromSeconds(1), RetryDelays.OutageWait(Options, 1, TimeSpan.Zero, TimeSpan.FromMinutes(10), 0));

    [Fact]
    public void OutageWait_NoNamedWait_BacksOffUpToTheCap()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), RetryDelays.OutageWait(Options, 3, null, TimeSpan.FromMinutes(10), 0));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryDelays.OutageWait(Options, 12, null, TimeSpan.FromMinutes(10), 1));
    }

    [Theory]
    [InlineData(true, WorkflowStep.Write, true)]
    [InlineData(false, WorkflowStep.Write, false)]
    [InlineData(true, WorkflowStep.Render, false)]
    public void IsAiOutage_TransientGeneratorErrorsOfTheWriteStepOnly(bool transient, WorkflowStep step, bool expected) =>
        Assert.Equal(expected, WorkflowFailures.IsAiOutage(step, new ContentGenerationException("down", transient)));

    [Fact]
    public void IsRetryable_BadInputAndMissingConfiguration_AreFinal()
    {
        Assert.False(WorkflowFailures.IsRetryable(new ArgumentException("bad")));
        Assert.False(WorkflowFailures.IsRetryable(new InvalidOperationException("Storage is not configured.")));
        Assert.True(WorkflowFailures.IsRetryable(new IOException("disk hiccup")));
    }

    [Fact]
    public void UserFacingError_UnknownFailure_NamesTheStepNotTheException() =>
        Assert.Equal(
            "Something went wrong in the render step; please try again.",
            WorkflowFailures.UserFacingError(WorkflowStep.Render, new NullReferenceException("internal detail")));
}
