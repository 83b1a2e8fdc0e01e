using VibeCoder.Runtime.Storage;

namespace VibeCoder.Persistence.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainStorageTests(PostgresFixture postgres) : GrainStorageConformanceTests
{
    protected override async Task<IGrainStorage> CreateStorageAsync()
    {
        var storage = new PostgresGrainStorage(await postgres.DataSourceAsync("grain_storage"), TestSerializer.Instance);
        await storage.InitializeAsync(CancellationToken.None);
        return storage;
    }

    protected override Task InitializeSchemaAsync(IGrainStorage storage) => ((PostgresGrainStorage)storage).InitializeAsync(CancellationToken.None);

    [Fact]
    public async Task InitializeAsync_FourProcessesAtOnceOnAFreshDatabase_AllSucceed()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("grain_storage_race").WithTimeout();
        // Separate data sources stand for separate processes: no shared pool, no shared state.
        var sources = Enumerable.Range(0, 4).Select(_ => Npgsql.NpgsqlDataSource.Create(connectionString)).ToArray();
        try
        {
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var starts = sources.Select(source => Task.Run(async () =>
            {
                await go.Task;
                await new PostgresGrainStorage(source, TestSerializer.Instance).InitializeAsync(CancellationToken.None);
                await new PostgresReminderTable(source).InitializeAsync(CancellationToken.None);
            })).ToArray();
            go.SetResult();

            await Task.WhenAll(starts).WithTimeout();

            var storage = new PostgresGrainStorage(sources[0], TestSerializer.Instance);
            var state = new GrainState<ProfileState>(new ProfileState("after race", 1));
            await storage.WriteStateAsync("profile", new VibeCoder.Runtime.GrainId("ProfileGrain", "race"), state, CancellationToken.None).WithTimeout();
            Assert.Equal("1", state.ETag);
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }
}
