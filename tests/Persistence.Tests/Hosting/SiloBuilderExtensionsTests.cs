using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Reminders;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Persistence.Tests.Hosting;

[Collection(PostgresCollection.Name)]
public sealed class SiloBuilderExtensionsTests(PostgresFixture postgres) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AddSqliteProviders_AfterStartupTasks_StorageAndRemindersWorkAndReadinessIsHealthy()
    {
        var path = Path.Combine(_directory.Path, "data", "vibecoder.db");
        var builder = new TestSiloBuilder();
        builder.AddSqliteGrainStorage("Default", options => options.Path = path).UseSqliteReminderService(options => options.Path = path);

        await using var provider = await builder.StartAsync();

        await AssertStorageAndRemindersWorkAsync(provider, "Default");
        Assert.IsType<SqliteGrainStorage>(TestSiloBuilder.Storage(provider, "Default"));
        Assert.IsType<SqliteReminderTable>(provider.GetRequiredService<IReminderTable>());
        var readiness = await TestSiloBuilder.CheckReadinessAsync(provider);
        Assert.Equal(HealthStatus.Healthy, readiness.Status);
        Assert.Equal(["reminders", "storage-Default"], readiness.Entries.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AddPostgresProviders_FromAUrl_StorageAndRemindersWorkAndReadinessIsHealthy()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(await postgres.DatabaseAsync("hosting").WithTimeout());
        var url = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        var silo = new TestSiloBuilder();
        silo.AddPostgresGrainStorage("Carousels", options => options.ConnectionString = url)
            .UsePostgresReminderService(options => options.ConnectionString = url);

        await using var provider = await silo.StartAsync();

        await AssertStorageAndRemindersWorkAsync(provider, "Carousels");
        Assert.IsType<PostgresGrainStorage>(TestSiloBuilder.Storage(provider, "Carousels"));
        Assert.Equal(HealthStatus.Healthy, (await TestSiloBuilder.CheckReadinessAsync(provider)).Status);
    }

    [Fact]
    public async Task AddPostgresGrainStorage_ServerDown_ReadinessIsUnhealthy()
    {
        var silo = new TestSiloBuilder();
        silo.AddPostgresGrainStorage("Default", options => options.ConnectionString = $"Host=127.0.0.1;Port={FreePort()};Username=nobody;Timeout=3");
        await using var provider = silo.Services.BuildServiceProvider();

        var readiness = await TestSiloBuilder.CheckReadinessAsync(provider);

        Assert.Equal(HealthStatus.Unhealthy, readiness.Status);
    }

    [Fact]
    public async Task AddPostgresGrainStorage_EmptyConnectionString_FailsNamingTheSetting()
    {
        var silo = new TestSiloBuilder();
        silo.AddPostgresGrainStorage("Default", options => options.ConnectionString = "");
        await using var provider = silo.Services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => TestSiloBuilder.Storage(provider, "Default"));

        Assert.Contains("PostgresStorageOptions.ConnectionString", exception.Message, StringComparison.Ordinal);
        Assert.Contains("POSTGRES_URL", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPostgresGrainStorage_MalformedUrl_FailsWithoutRevealingThePassword()
    {
        var silo = new TestSiloBuilder();
        silo.AddPostgresGrainStorage("Default", options => options.ConnectionString = "postgres://user:topsecret@/nowhere");
        await using var provider = silo.Services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<PostgresStorageOptions>>().Get("Default"));

        Assert.DoesNotContain("topsecret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSqliteGrainStorage_EmptyPath_FailsNamingTheSetting()
    {
        var silo = new TestSiloBuilder();
        silo.AddSqliteGrainStorage("Default", options => options.Path = " ");
        await using var provider = silo.Services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => TestSiloBuilder.Storage(provider, "Default"));

        Assert.Contains("SqliteStorageOptions.Path", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddMemoryProviders_ResolveAndWork()
    {
        var silo = new TestSiloBuilder();
        silo.AddMemoryGrainStorage().UseInMemoryReminderService();

        await using var provider = await silo.StartAsync();

        await AssertStorageAndRemindersWorkAsync(provider, PersistentStateAttribute.DefaultStorageName);
        Assert.IsType<MemoryGrainStorage>(TestSiloBuilder.Storage(provider, PersistentStateAttribute.DefaultStorageName));
    }

    private static async Task AssertStorageAndRemindersWorkAsync(IServiceProvider provider, string storageName)
    {
        var grainId = new GrainId("UserGrain", Guid.NewGuid().ToString("N"));
        var storage = TestSiloBuilder.Storage(provider, storageName);
        await storage.WriteStateAsync("settings", grainId, new GrainState<string>("dark theme"), CancellationToken.None).WithTimeout();
        var read = new GrainState<string>("");
        await storage.ReadStateAsync("settings", grainId, read, CancellationToken.None).WithTimeout();
        Assert.Equal("dark theme", read.State);

        var reminders = provider.GetRequiredService<IReminderTable>();
        var eTag = await reminders.UpsertRowAsync(new ReminderEntry(grainId, "tick", DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1), null), CancellationToken.None).WithTimeout();
        Assert.Equal(eTag, (await reminders.ReadRowAsync(grainId, "tick", CancellationToken.None).WithTimeout())?.ETag);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
