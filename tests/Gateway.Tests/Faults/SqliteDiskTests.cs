using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using VibeCoder.TestServers.Net;
using VibeCoder.TestServers.Storage;

namespace VibeCoder.Gateway.Tests.Faults;

/// <summary>The gateway on its embedded SQLite file, on a small tmpfs that the test fills and frees.</summary>
public sealed class SqliteDiskTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<string> _log = new();
    private SmallDiskFolder _disk = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;

    private string DatabaseFile => Path.Combine(_disk.Path, "gateway.db");

    public Task InitializeAsync()
    {
        _disk = SmallDiskFolder.Create(megabytes: 48);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("STORAGE", "sqlite");
            builder.UseSetting("SQLITE_PATH", DatabaseFile);
            builder.UseSetting("Carousel:WatchdogPeriod", "00:00:01");
            builder.UseSetting("Carousel:RetryBaseDelay", "00:00:00.100");
            builder.UseSetting("API_KEYS", GatewayFixture.ApiKey);
            builder.UseSetting("urls", "http://127.0.0.1:0");
            foreach (var (name, value) in LoopbackPorts.OrleansSettings())
            {
                builder.UseSetting(name, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(_log)));
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Add("X-Api-Key", GatewayFixture.ApiKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _disk.Dispose();
    }

    [Fact]
    public async Task CarouselApi_DiskFull_Answers503NamingTheFileAndWritesResumeWhenSpaceReturns()
    {
        Assert.Equal("completed", await CreateAndFinishAsync("Before the disk fills"));

        _disk.Fill();
        HttpResponseMessage refused;
        try
        {
            refused = await _client.PostAsJsonAsync("/api/carousels", new { topic = "While the disk is full", slides = 3, userId = "disk-user" }).WaitAsync(Timeout);
        }
        finally
        {
            _disk.Free();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        var logged = Assert.Single(_log, line => line.Contains("Unavailable: SQLite disk full", StringComparison.Ordinal));
        Assert.Contains(DatabaseFile, logged, StringComparison.Ordinal);

        Assert.Equal("completed", await CreateAndFinishAsync("After the space returns"));
    }

    [Fact]
    public async Task CarouselApi_DatabaseFileTurnsReadOnly_Answers503NamingTheFileAndWritesResumeWhenWritable()
    {
        Assert.Equal("completed", await CreateAndFinishAsync("Before the file turns read-only"));

        // Connections opened from now on find the file read-only (chattr +i stops even root); handles already open keep
        // their write access, so the idle ones are dropped as a restart or a pool recycle would drop them.
        SmallDiskFolder.MakeReadOnly(DatabaseFile);
        HttpResponseMessage refused;
        try
        {
            SqliteConnection.ClearAllPools();
            refused = await _client.PostAsJsonAsync("/api/carousels", new { topic = "While the file is read-only", slides = 3, userId = "read-only-user" }).WaitAsync(Timeout);
        }
        finally
        {
            SmallDiskFolder.MakeWritable(DatabaseFile);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        var logged = Assert.Single(_log, line => line.Contains("Unavailable: SQLite database read-only", StringComparison.Ordinal));
        Assert.Contains(DatabaseFile, logged, StringComparison.Ordinal);

        // No pool is cleared here: a handle the gateway opened read-only during the fault must not keep failing writes.
        Assert.Equal("completed", await CreateAndFinishAsync("After the file is writable again"));
    }

    [Fact]
    public async Task CarouselApi_AnotherProcessHoldsTheWriteLock_WaitsAndSucceeds()
    {
        Assert.Equal("completed", await CreateAndFinishAsync("Before the lock"));
        var held = TimeSpan.FromSeconds(1);

        // Another writer (its own connection, outside the gateway's write gate, as another process would be).
        await using var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabaseFile};Pooling=false");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var posting = _client.PostAsJsonAsync("/api/carousels", new { topic = "Behind a lock", slides = 3, userId = "lock-user" });
        await Task.Delay(held); // how long the fault lasts, not a synchronisation
        await using (var commit = other.CreateCommand())
        {
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        }

        using var accepted = await posting.WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.True(clock.Elapsed >= held * 0.9, $"answered after {clock.Elapsed}, before the lock was released");
    }

    private async Task<string> CreateAndFinishAsync(string topic)
    {
        using var accepted = await _client.PostAsJsonAsync("/api/carousels", new { topic, slides = 3, userId = "disk-user" }).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            using var response = await _client.GetAsync($"/api/carousels/{id}?waitSeconds=20", deadline.Token);
            var status = (await response.Content.ReadFromJsonAsync<JsonElement>(deadline.Token)).GetProperty("status").GetString()!;
            if (status is "completed" or "failed" or "cancelled")
            {
                return status;
            }
        }
    }
}
