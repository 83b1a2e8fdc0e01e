using VibeCoder.Runtime;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Persistence.Tests.Storage;

public sealed class SqliteGrainStorageTests : GrainStorageConformanceTests
{
    private readonly TemporaryDirectory _directory = new();

    private string DatabasePath => Path.Combine(_directory.Path, "nested", "grains.db");

    protected override async Task<IGrainStorage> CreateStorageAsync()
    {
        var storage = new SqliteGrainStorage(new SqliteStorageOptions { Path = DatabasePath }, TestSerializer.Instance);
        await storage.InitializeAsync(CancellationToken.None);
        return storage;
    }

    protected override Task InitializeSchemaAsync(IGrainStorage storage) => ((SqliteGrainStorage)storage).InitializeAsync(CancellationToken.None);

    public override Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task InitializeAsync_NewFileInAMissingDirectory_CreatesItInWriteAheadLogMode()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        await connection.OpenAsync().WithTimeout();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync().WithTimeout());
    }

    [Fact]
    public async Task WriteState_ThenNewProviderOnTheSameFile_ReadsIt()
    {
        var grainId = new GrainId("ProfileGrain", "restart");
        await Storage.WriteStateAsync("profile", grainId, new GrainState<ProfileState>(new ProfileState("durable", 1)), CancellationToken.None).WithTimeout();

        var reopened = new SqliteGrainStorage(new SqliteStorageOptions { Path = DatabasePath }, TestSerializer.Instance);
        var state = new GrainState<ProfileState>(new ProfileState("fresh", 0));
        await reopened.ReadStateAsync("profile", grainId, state, CancellationToken.None).WithTimeout();

        Assert.True(File.Exists(DatabasePath));
        Assert.Equal(new ProfileState("durable", 1), state.State);
    }
}
