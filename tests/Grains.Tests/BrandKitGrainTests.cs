using Orleans.Runtime;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Events;
using VibeCoder.Grains.Users;
using VibeCoder.TestServers.OpenAi;
using static VibeCoder.Grains.Tests.ProductCluster;

namespace VibeCoder.Grains.Tests;

[Collection(ProductClusterCollection.Name)]
public sealed class BrandKitGrainTests(ProductCluster product) : IAsyncLifetime
{
    private static readonly BrandKit Navy = new(DisplayName: "Anna", Handle: "@anna", PrimaryColor: "#1a237e", BackgroundColor: "#fff8e1", HeadingFont: "serif");

    private IGrainFactory Grains => product.Grains;

    private OpenAiStandInServer OpenAi => product.OpenAi;

    public Task InitializeAsync()
    {
        OpenAi.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetBrandKit_NewUser_IsEmpty()
    {
        var kit = await Grains.GetGrain<IUserGrain>("user-" + NewId()).GetBrandKit().WaitAsync(TestTimeout);

        Assert.Equal(BrandKit.Empty, kit);
    }

    [Fact]
    public async Task UpdateBrandKit_AfterDeactivation_IsReadBackFromStorage()
    {
        var user = Grains.GetGrain<IUserGrain>("user-" + NewId());
        await user.UpdateBrandKit(Navy).WaitAsync(TestTimeout);

        // Every idle activation goes, this user's too: the next call reads the stored state.
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero).WaitAsync(TestTimeout);

        Assert.Equal(Navy, await user.GetBrandKit().WaitAsync(TestTimeout));
    }

    [Theory]
    [InlineData("#12345", null, null, "Primary")]
    [InlineData(null, "comic", null, "heading font")]
    [InlineData(null, null, "NOTAHASH", "logo")]
    public async Task UpdateBrandKit_Invalid_ThrowsAndKeepsTheOldKit(string? primary, string? font, string? logo, string named)
    {
        var user = Grains.GetGrain<IUserGrain>("user-" + NewId());
        await user.UpdateBrandKit(Navy).WaitAsync(TestTimeout);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            user.UpdateBrandKit(Navy with { PrimaryColor = primary ?? Navy.PrimaryColor, HeadingFont = font ?? Navy.HeadingFont, LogoHash = logo }).WaitAsync(TestTimeout));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Equal(Navy, await user.GetBrandKit().WaitAsync(TestTimeout));
    }

    [Fact]
    public async Task UpdateBrandKit_Changed_PublishesBrandUpdatedOnTheUsersStream()
    {
        var userId = "user-" + NewId();
        var events = await EventCollector.SubscribeAsync(product.Cluster.Client, userId);

        await Grains.GetGrain<IUserGrain>(userId).UpdateBrandKit(new BrandKit(AccentColor: "#ff5a36", ShowPageNumbers: false)).WaitAsync(TestTimeout);

        var seen = await events.WaitForTypesAsync(TestTimeout, EventTypes.BrandUpdated);
        var updated = Assert.Single(seen, e => e.Type == EventTypes.BrandUpdated);
        Assert.Equal(userId, updated.Metadata.UserId);
        Assert.Equal(["accentColor", "showPageNumbers"], updated.Data.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString() ?? "").ToArray());
    }

    [Fact]
    public async Task Workflow_BrandChangedWhileRunning_KeepsTheKitItStartedWith()
    {
        var userId = "user-" + NewId();
        var user = Grains.GetGrain<IUserGrain>(userId);
        await user.UpdateBrandKit(Navy).WaitAsync(TestTimeout);
        OpenAi.Enqueue(ModelAnswer(3).After(TimeSpan.FromSeconds(2)));
        var first = NewId();

        await Grains.GetGrain<IWorkflowGrain>(first).Start(Request("Branded", 3, userId)).WaitAsync(TestTimeout);
        await user.UpdateBrandKit(Navy with { PrimaryColor = "#004d40", ShowHandle = false }).WaitAsync(TestTimeout);
        var firstJob = await product.WaitUntilFinalAsync(first);

        Assert.Equal(JobStatus.Completed, firstJob.Status);
        Assert.Equal(Navy, firstJob.Request.Design.Kit);

        OpenAi.WhenEmpty = ModelAnswer(3);
        var second = NewId();
        await Grains.GetGrain<IWorkflowGrain>(second).Start(Request("Branded again", 3, userId)).WaitAsync(TestTimeout);
        var secondJob = await product.WaitUntilFinalAsync(second);
        Assert.Equal(Navy with { PrimaryColor = "#004d40", ShowHandle = false }, secondJob.Request.Design.Kit);
    }

    [Fact]
    public async Task Workflow_AnonymousRequest_HasNoKit()
    {
        OpenAi.WhenEmpty = ModelAnswer(3);
        var jobId = NewId();

        await Grains.GetGrain<IWorkflowGrain>(jobId).Start(Request("Anonymous", 3)).WaitAsync(TestTimeout);

        Assert.Null((await product.WaitUntilFinalAsync(jobId)).Request.Design.Kit);
    }

    [Fact]
    public async Task BrandImage_Stored_IsReadBackByItsHash()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4];
        var hash = Rendering.Images.LogoImages.HashOf(png);

        await Grains.GetGrain<IBrandImageGrain>(hash).Store(png).WaitAsync(TestTimeout);
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero).WaitAsync(TestTimeout);

        Assert.Equal(png, await Grains.GetGrain<IBrandImageGrain>(hash).Get().WaitAsync(TestTimeout));
    }

    [Fact]
    public async Task BrandImage_BytesNotMatchingTheKey_AreRefused()
    {
        var hash = Rendering.Images.LogoImages.HashOf([1, 2, 3]);

        await Assert.ThrowsAsync<ArgumentException>(() => Grains.GetGrain<IBrandImageGrain>(hash).Store([4, 5, 6]).WaitAsync(TestTimeout));

        Assert.Null(await Grains.GetGrain<IBrandImageGrain>(hash).Get().WaitAsync(TestTimeout));
    }
}
