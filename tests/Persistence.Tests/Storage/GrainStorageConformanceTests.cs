using VibeCoder.Runtime;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Persistence.Tests.Storage;

/// <summary>
/// The <see cref="IGrainStorage"/> contract, written once and run unchanged against every provider by the derived
/// classes. Each test uses fresh grain keys, so tests sharing a database never meet.
/// </summary>
public abstract class GrainStorageConformanceTests : IAsyncLifetime
{
    private const string StateName = "profile";
    private IGrainStorage? _storage;

    protected IGrainStorage Storage => _storage ?? throw new InvalidOperationException("Storage not created.");

    /// <summary>Creates the provider with its schema in place.</summary>
    protected abstract Task<IGrainStorage> CreateStorageAsync();

    /// <summary>Runs the provider's schema creation again (nothing for memory).</summary>
    protected abstract Task InitializeSchemaAsync(IGrainStorage storage);

    public virtual async Task InitializeAsync() => _storage = await CreateStorageAsync().WithTimeout();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReadState_MissingRecord_ReportsNoRecordAndLeavesStateAsGiven()
    {
        var given = new ProfileState("as given", 0);
        var state = new GrainState<ProfileState>(given) { ETag = "stale", RecordExists = true };

        await Storage.ReadStateAsync(StateName, NewGrainId(), state, CancellationToken.None).WithTimeout();

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Same(given, state.State);
    }

    [Fact]
    public async Task WriteState_ThenRead_RoundTripsStateAndETag()
    {
        var grainId = NewGrainId();
        var written = new GrainState<ProfileState>(new ProfileState("Ada", 36));

        await Storage.WriteStateAsync(StateName, grainId, written, CancellationToken.None).WithTimeout();
        var read = await ReadAsync(grainId);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(new ProfileState("Ada", 36), read.State);
    }

    [Fact]
    public async Task WriteState_EachWrite_ChangesETag()
    {
        var grainId = NewGrainId();
        var state = new GrainState<ProfileState>(new ProfileState("v1", 1));

        await Storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None).WithTimeout();
        var first = state.ETag;
        state.State = new ProfileState("v2", 2);
        await Storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None).WithTimeout();

        Assert.NotEqual(first, state.ETag);
        Assert.Equal(state.ETag, (await ReadAsync(grainId)).ETag);
    }

    [Fact]
    public async Task WriteState_StaleETag_ThrowsAndOverwritesNothing()
    {
        var grainId = NewGrainId();
        var current = new GrainState<ProfileState>(new ProfileState("first", 1));
        await Storage.WriteStateAsync(StateName, grainId, current, CancellationToken.None).WithTimeout();
        var stale = new GrainState<ProfileState>(new ProfileState("stale", 99)) { ETag = current.ETag };
        current.State = new ProfileState("second", 2);
        await Storage.WriteStateAsync(StateName, grainId, current, CancellationToken.None).WithTimeout();

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, stale, CancellationToken.None).WithTimeout());

        Assert.Equal(current.ETag, conflict.StoredETag);
        Assert.Equal(stale.ETag, conflict.CurrentETag);
        var read = await ReadAsync(grainId);
        Assert.Equal(new ProfileState("second", 2), read.State);
        Assert.Equal(current.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteState_NoETagWhenRecordExists_ThrowsAndOverwritesNothing()
    {
        var grainId = NewGrainId();
        await Storage.WriteStateAsync(StateName, grainId, new GrainState<ProfileState>(new ProfileState("kept", 1)), CancellationToken.None).WithTimeout();

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, new GrainState<ProfileState>(new ProfileState("lost", 2)), CancellationToken.None).WithTimeout());

        Assert.Equal(new ProfileState("kept", 1), (await ReadAsync(grainId)).State);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("not-a-version")]
    [InlineData("-1")]
    public async Task WriteState_ETagNeverIssued_Throws(string eTag)
    {
        var grainId = NewGrainId();
        await Storage.WriteStateAsync(StateName, grainId, new GrainState<ProfileState>(new ProfileState("kept", 1)), CancellationToken.None).WithTimeout();

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, new GrainState<ProfileState>(new ProfileState("lost", 2)) { ETag = eTag }, CancellationToken.None).WithTimeout());

        Assert.Equal(new ProfileState("kept", 1), (await ReadAsync(grainId)).State);
    }

    [Fact]
    public async Task WriteState_ETagOnMissingRecord_ThrowsAndCreatesNothing()
    {
        var grainId = NewGrainId();

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, new GrainState<ProfileState>(new ProfileState("x", 1)) { ETag = "1" }, CancellationToken.None).WithTimeout());

        Assert.False((await ReadAsync(grainId)).RecordExists);
    }

    [Fact]
    public async Task ClearState_ThenReadAndWrite_ReportsNoRecordAndAcceptsTheNewETag()
    {
        var grainId = NewGrainId();
        var state = new GrainState<ProfileState>(new ProfileState("doomed", 1));
        await Storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None).WithTimeout();
        var writtenETag = state.ETag;

        await Storage.ClearStateAsync(StateName, grainId, state, CancellationToken.None).WithTimeout();

        Assert.False(state.RecordExists);
        Assert.NotNull(state.ETag);
        Assert.NotEqual(writtenETag, state.ETag);
        var afterClear = await ReadAsync(grainId);
        Assert.False(afterClear.RecordExists);
        Assert.Equal(state.ETag, afterClear.ETag);
        Assert.Equal(Fresh, afterClear.State);

        afterClear.State = new ProfileState("reborn", 2);
        await Storage.WriteStateAsync(StateName, grainId, afterClear, CancellationToken.None).WithTimeout();
        var reborn = await ReadAsync(grainId);
        Assert.True(reborn.RecordExists);
        Assert.Equal(new ProfileState("reborn", 2), reborn.State);
    }

    [Fact]
    public async Task ClearState_StaleETag_ThrowsAndKeepsState()
    {
        var grainId = NewGrainId();
        var state = new GrainState<ProfileState>(new ProfileState("v1", 1));
        await Storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None).WithTimeout();
        var stale = new GrainState<ProfileState>(state.State) { ETag = state.ETag };
        state.State = new ProfileState("v2", 2);
        await Storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None).WithTimeout();

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.ClearStateAsync(StateName, grainId, stale, CancellationToken.None).WithTimeout());

        var read = await ReadAsync(grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(new ProfileState("v2", 2), read.State);
    }

    [Fact]
    public async Task ClearState_MissingRecord_SucceedsAndLeavesAWritableTag()
    {
        var grainId = NewGrainId();
        var state = new GrainState<ProfileState>(Fresh);

        await Storage.ClearStateAsync(StateName, grainId, state, CancellationToken.None).WithTimeout();
        state.State = new ProfileState("after clear", 1);
        await Storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None).WithTimeout();

        Assert.Equal(new ProfileState("after clear", 1), (await ReadAsync(grainId)).State);
    }

    [Fact]
    public async Task WriteState_SixteenWritersFromTheSameETag_ExactlyOneWins()
    {
        var grainId = NewGrainId();
        var initial = new GrainState<ProfileState>(new ProfileState("start", 0));
        await Storage.WriteStateAsync(StateName, grainId, initial, CancellationToken.None).WithTimeout();

        var outcomes = await RaceAsync(16, writer =>
            Storage.WriteStateAsync(StateName, grainId, new GrainState<ProfileState>(new ProfileState("writer", writer)) { ETag = initial.ETag }, CancellationToken.None));

        var winner = Assert.Single(outcomes, outcome => outcome.Error is null);
        Assert.All(outcomes.Where(outcome => outcome.Error is not null), outcome => Assert.IsType<InconsistentStateException>(outcome.Error));
        Assert.Equal(new ProfileState("writer", winner.Writer), (await ReadAsync(grainId)).State);
    }

    [Fact]
    public async Task WriteState_SixteenFirstWritersWithoutETag_ExactlyOneWins()
    {
        var grainId = NewGrainId();

        var outcomes = await RaceAsync(16, writer =>
            Storage.WriteStateAsync(StateName, grainId, new GrainState<ProfileState>(new ProfileState("writer", writer)), CancellationToken.None));

        var winner = Assert.Single(outcomes, outcome => outcome.Error is null);
        Assert.All(outcomes.Where(outcome => outcome.Error is not null), outcome => Assert.IsType<InconsistentStateException>(outcome.Error));
        Assert.Equal(new ProfileState("writer", winner.Writer), (await ReadAsync(grainId)).State);
    }

    [Fact]
    public async Task WriteState_OneMegabytePayload_RoundTrips()
    {
        var grainId = NewGrainId();
        var text = string.Create(1024 * 1024, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i % 26));
            }
        });
        var state = new GrainState<ProfileState>(new ProfileState(text, 1));

        await Storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None).WithTimeout();

        Assert.Equal(text, (await ReadAsync(grainId)).State.Name);
    }

    [Fact]
    public async Task WriteState_NonAsciiText_RoundTrips()
    {
        var grainId = NewGrainId();
        const string text = "Привет, мир! 🎠🖼️✨ 你好，世界 — こんにちは «ёжик» 👩🏽‍💻";
        var state = new GrainState<ProfileState>(new ProfileState(text, 7));

        await Storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None).WithTimeout();

        Assert.Equal(text, (await ReadAsync(grainId)).State.Name);
    }

    [Fact]
    public async Task WriteState_TwoStatesOfOneGrainAndOneKeyInTwoTypes_StaySeparate()
    {
        var key = Guid.NewGuid().ToString("N");
        var user = new GrainId("UserGrain", key);
        var session = new GrainId("SessionGrain", key);

        await Storage.WriteStateAsync("profile", user, new GrainState<ProfileState>(new ProfileState("user profile", 1)), CancellationToken.None).WithTimeout();
        await Storage.WriteStateAsync("settings", user, new GrainState<ProfileState>(new ProfileState("user settings", 2)), CancellationToken.None).WithTimeout();
        await Storage.WriteStateAsync("profile", session, new GrainState<ProfileState>(new ProfileState("session profile", 3)), CancellationToken.None).WithTimeout();

        Assert.Equal(new ProfileState("user profile", 1), (await ReadAsync(user, "profile")).State);
        Assert.Equal(new ProfileState("user settings", 2), (await ReadAsync(user, "settings")).State);
        Assert.Equal(new ProfileState("session profile", 3), (await ReadAsync(session, "profile")).State);
        Assert.False((await ReadAsync(session, "settings")).RecordExists);
    }

    [Fact]
    public async Task InitializeSchema_RunTwiceMore_KeepsStoredState()
    {
        var grainId = NewGrainId();
        await Storage.WriteStateAsync(StateName, grainId, new GrainState<ProfileState>(new ProfileState("survivor", 1)), CancellationToken.None).WithTimeout();

        await InitializeSchemaAsync(Storage).WithTimeout();
        await InitializeSchemaAsync(Storage).WithTimeout();

        Assert.Equal(new ProfileState("survivor", 1), (await ReadAsync(grainId)).State);
    }

    private static ProfileState Fresh { get; } = new("fresh", 0);

    private static GrainId NewGrainId() => new("ProfileGrain", Guid.NewGuid().ToString("N"));

    private async Task<GrainState<ProfileState>> ReadAsync(GrainId grainId, string stateName = StateName)
    {
        var state = new GrainState<ProfileState>(Fresh);
        await Storage.ReadStateAsync(stateName, grainId, state, CancellationToken.None).WithTimeout();
        return state;
    }

    /// <summary>Starts <paramref name="writers"/> writes at once (released together by one signal) and collects how each ended.</summary>
    private static async Task<IReadOnlyList<(int Writer, Exception? Error)>> RaceAsync(int writers, Func<int, Task> write)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            await go.Task.ConfigureAwait(false);
            try
            {
                await write(writer).ConfigureAwait(false);
                return (writer, (Exception?)null);
            }
            catch (Exception exception)
            {
                return (writer, exception);
            }
        })).ToArray();
        go.SetResult();
        return await Task.WhenAll(racers).WithTimeout();
    }

    public sealed record ProfileState(string Name, int Age);
}
