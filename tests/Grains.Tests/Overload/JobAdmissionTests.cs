using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Hosting;

namespace VibeCoder.Grains.Tests.Overload;

public sealed class JobAdmissionTests
{
    [Fact]
    public void TryAdmit_AtTheBound_RefusesUntilAPlaceIsReturned()
    {
        var admission = new JobAdmission(Options.Create(new CarouselOptions { MaxJobsInFlight = 2 }));

        var first = admission.TryAdmit();
        var second = admission.TryAdmit();
        var third = admission.TryAdmit();

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(third);
        Assert.Equal(2, admission.InFlight);
        first!.Abandoned();
        first.Abandoned(); // returned once only
        Assert.Equal(1, admission.InFlight);
        Assert.NotNull(admission.TryAdmit());
    }

    [Fact]
    public void Readmit_AboveTheBound_TakesAcceptedWorkAndKeepsRefusingNewWork()
    {
        var admission = new JobAdmission(Options.Create(new CarouselOptions { MaxJobsInFlight = 1 }));
        Assert.NotNull(admission.TryAdmit());

        var resumed = admission.Readmit();

        Assert.Equal(2, admission.InFlight);
        Assert.Null(admission.TryAdmit());
        resumed.Finished();
        Assert.Equal(1, admission.InFlight);
    }

    [Fact]
    public void RetryAfter_NoJobFinishedYet_IsTheDefault_ThenFollowsJobDurationsWithinOneToSixtySeconds()
    {
        var admission = new JobAdmission(Options.Create(new CarouselOptions { MaxJobsInFlight = 4 }));
        Assert.Equal(JobAdmission.DefaultRetryAfter, admission.RetryAfter);

        admission.TryAdmit()!.Finished(); // a job of a few microseconds

        Assert.Equal(TimeSpan.FromSeconds(1), admission.RetryAfter);
    }

    [Theory]
    [InlineData("RENDER_CONCURRENCY", "0")]
    [InlineData("RENDER_CONCURRENCY", "many")]
    [InlineData("MAX_JOBS_IN_FLIGHT", "0")]
    [InlineData("MAX_JOBS_IN_FLIGHT", "-3")]
    public void Options_InvalidOverloadSetting_FailNamingTheVariable(string variable, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [variable] = value }));

        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Unset_RenderWithEveryCoreAndHoldSixteenJobsPerSlot()
    {
        var options = Resolve([]);

        Assert.Equal(Environment.ProcessorCount, options.RenderConcurrency);
        Assert.Equal(16 * Environment.ProcessorCount, options.EffectiveMaxJobsInFlight);
        Assert.Equal(12, Resolve(new() { ["RENDER_CONCURRENCY"] = "3", ["MAX_JOBS_IN_FLIGHT"] = "12" }).EffectiveMaxJobsInFlight);
    }

    private static CarouselOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddCarouselServices(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<CarouselOptions>>().Value;
    }
}
