using Npgsql;
using VibeCoder.Runtime.TestingHost;
using VibeCoder.Streams.Tests.Grains;
using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Durability;

/// <summary>
/// Two silos over one PostgreSQL database: one publishes, the other hosts the subscriber grain and polls only every
/// ten minutes, so what reaches it within seconds came through LISTEN/NOTIFY.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresNotificationTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Publish_FromAnotherSilo_ReachesTheSubscriberPromptlyThroughNotify()
    {
        var (publisher, subscriber, log, backend) = await StartPairAsync();
        await using (backend)
        await using (publisher)
        await using (subscriber)
        {
            var stream = publisher.Streams().GetStream<TestEvent>(RecorderGrain.Namespace, "remote");

            await stream.OnNextAsync(new TestEvent("remote", 1)).WithTimeout();
            await log.WaitForCountAsync(RecorderGrain.Subscriber, 1, Prompt);
            await stream.OnNextAsync(new TestEvent("remote", 2)).WithTimeout();
            await log.WaitForCountAsync(RecorderGrain.Subscriber, 2, Prompt);

            Assert.Equal([1L, 2L], log.For(RecorderGrain.Subscriber).Select(d => d.Sequence));
        }
    }

    [Fact]
    public async Task Listener_ConnectionKilled_ReconnectsAndDeliveryContinues()
    {
        var (publisher, subscriber, log, backend) = await StartPairAsync();
        await using (backend)
        await using (publisher)
        await using (subscriber)
        {
            var stream = publisher.Streams().GetStream<TestEvent>(RecorderGrain.Namespace, "reconnect");
            await stream.OnNextAsync(new TestEvent("reconnect", 1)).WithTimeout();
            await log.WaitForCountAsync(RecorderGrain.Subscriber, 1, Prompt);

            var killed = await KillListenersAsync(backend.ConnectionString);
            await stream.OnNextAsync(new TestEvent("reconnect", 2)).WithTimeout();
            await log.WaitForCountAsync(RecorderGrain.Subscriber, 2, Prompt);

            Assert.True(killed >= 1, "no listener connection was found to terminate");
            Assert.Equal([1L, 2L], log.For(RecorderGrain.Subscriber).Select(d => d.Sequence));
        }
    }

    private async Task<(InProcessSilo Publisher, InProcessSilo Subscriber, DeliveryLog Log, StreamBackend.Postgres Backend)> StartPairAsync()
    {
        var backend = new StreamBackend.Postgres(await postgres.NewDatabaseAsync());
        var log = new DeliveryLog();
        var subscriber = await TestSilo.StartAsync(backend, log, o => o.SafetyPollInterval = TimeSpan.FromMinutes(10)).WithTimeout();
        var publisher = await TestSilo.StartAsync(backend, new DeliveryLog(), o => o.SafetyPollInterval = TimeSpan.FromMinutes(10), grains: []).WithTimeout();
        return (publisher, subscriber, log, backend);
    }

    private static async Task<int> KillListenersAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'VibeCoder stream listener'",
            connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync().WithTimeout(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
