using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using VibeCoder.Persistence.Tests.Grains;
using VibeCoder.Persistence.Tests.Infrastructure;

namespace VibeCoder.Persistence.Tests.Conformance;

/// <summary>Grain state through Orleans' AdoNet grain storage, the same assertions for every dialect.</summary>
public abstract class StorageConformance(Dialect dialect) : IAsyncLifetime
{
    private const string GrainType = "test.profile";

    private TestCluster? _cluster;

    protected TestCluster Cluster => _cluster!;

    private IGrainStorage Storage => Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>("Default");

    public async Task InitializeAsync() => _cluster = await TestClusters.StartAsync(await dialect.NewDatabaseAsync());

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Grain_StateWrittenThenReactivated_ReadsBackEqual()
    {
        var grain = Cluster.Client.GetGrain<IProfileGrain>("round-trip");
        var state = new ProfileState { Name = "Ada", Visits = 3, Mood = Mood.Excited, Notes = ["first", "second"] };

        await grain.Set(state);
        await grain.Deactivate();
        var read = await grain.Get();

        Assert.Equal(state.Name, read.Name);
        Assert.Equal(state.Visits, read.Visits);
        Assert.Equal(state.Mood, read.Mood);
        Assert.Equal(state.Notes, read.Notes);
        Assert.True(await grain.RecordExists());
    }

    [Fact]
    public async Task Storage_MissingRecord_ReadsDefaultWithoutETag()
    {
        var state = new GrainState<ProfileState>(new ProfileState { Name = "stale" });

        await Storage.ReadStateAsync(GrainType, GrainId.Create("test", "missing"), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(new ProfileState(), state.State! with { Notes = [] });
    }

    [Fact]
    public async Task Storage_StaleETag_IsRejectedAndNothingOverwritten()
    {
        var id = GrainId.Create("test", "stale-etag");
        var first = new GrainState<ProfileState>(new ProfileState { Name = "first" });
        await Storage.WriteStateAsync(GrainType, id, first);
        var a = new GrainState<ProfileState>();
        var b = new GrainState<ProfileState>();
        await Storage.ReadStateAsync(GrainType, id, a);
        await Storage.ReadStateAsync(GrainType, id, b);

        a.State = new ProfileState { Name = "winner" };
        await Storage.WriteStateAsync(GrainType, id, a);
        b.State = new ProfileState { Name = "loser" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(GrainType, id, b));

        var read = new GrainState<ProfileState>();
        await Storage.ReadStateAsync(GrainType, id, read);
        Assert.Equal("winner", read.State!.Name);
        Assert.Equal(a.ETag, read.ETag);
    }

    [Fact]
    public async Task Storage_SecondFirstWrite_IsRejected()
    {
        var id = GrainId.Create("test", "double-insert");
        await Storage.WriteStateAsync(GrainType, id, new GrainState<ProfileState>(new ProfileState { Name = "one" }));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.WriteStateAsync(GrainType, id, new GrainState<ProfileState>(new ProfileState { Name = "two" })));
    }

    [Fact]
    public async Task Storage_ClearThenWrite_StartsOverWithNewVersion()
    {
        var id = GrainId.Create("test", "clear-write");
        var state = new GrainState<ProfileState>(new ProfileState { Name = "before" });
        await Storage.WriteStateAsync(GrainType, id, state);

        await Storage.ClearStateAsync(GrainType, id, state);
        var cleared = new GrainState<ProfileState>();
        await Storage.ReadStateAsync(GrainType, id, cleared);
        Assert.False(cleared.RecordExists);
        Assert.Equal("", cleared.State!.Name);

        state.State = new ProfileState { Name = "after" };
        await Storage.WriteStateAsync(GrainType, id, state);
        var read = new GrainState<ProfileState>();
        await Storage.ReadStateAsync(GrainType, id, read);
        Assert.True(read.RecordExists);
        Assert.Equal("after", read.State!.Name);
    }

    [Fact]
    public async Task Storage_OneMegabyteState_RoundTrips()
    {
        var id = GrainId.Create("test", "large");
        var notes = Enumerable.Range(0, 1024).Select(i => new string((char)('a' + (i % 26)), 1024)).ToImmutableList();
        await Storage.WriteStateAsync(GrainType, id, new GrainState<ProfileState>(new ProfileState { Notes = notes }));

        var read = new GrainState<ProfileState>();
        await Storage.ReadStateAsync(GrainType, id, read);

        Assert.Equal(notes, read.State!.Notes);
    }

    [Fact]
    public async Task Storage_NonAsciiText_RoundTrips()
    {
        var id = GrainId.Create("test", "ключ-🔑");
        var text = "Привет, мир! 👩‍💻🎨 Ёжик в тумане";
        await Storage.WriteStateAsync(GrainType, id, new GrainState<ProfileState>(new ProfileState { Name = text, Notes = ["🇺🇦", "日本語"] }));

        var read = new GrainState<ProfileState>();
        await Storage.ReadStateAsync(GrainType, id, read);

        Assert.Equal(text, read.State!.Name);
        Assert.Equal(["🇺🇦", "日本語"], read.State!.Notes);
    }
}

[Collection(DatabaseCollection.Name)]
public sealed class PostgresStorageTests(PostgresServer server) : StorageConformance(new PostgresDialect(server));

[Collection(DatabaseCollection.Name)]
public sealed class SqliteStorageTests() : StorageConformance(new SqliteDialect());
