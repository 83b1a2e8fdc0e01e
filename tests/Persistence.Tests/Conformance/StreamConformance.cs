using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Orleans.TestingHost;
using VibeCoder.Persistence.Streams;
using VibeCoder.Persistence.Tests.Grains;
using VibeCoder.Persistence.Tests.Infrastructure;

namespace VibeCoder.Persistence.Tests.Conformance;

/// <summary>
/// Orleans' AdoNet streams on the library's queue tables, the same assertions for every dialect: durable across a
/// silo restart, redelivered after a subscriber failure, dead-lettered after the last attempt, re-drivable.
/// </summary>
public abstract class StreamConformance(Dialect dialect) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private TestCluster? _cluster;

    private TestCluster Cluster => _cluster!;

    public async Task InitializeAsync() => _cluster = await TestClusters.StartAsync(await dialect.NewDatabaseAsync());

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Stream_EventPublishedWhileNoSiloRuns_IsDeliveredOnceAfterRestart()
    {
        var key = Guid.NewGuid().ToString("N");
        await Cluster.StopSiloAsync(Cluster.Silos[0]);

        // The client's publish is an insert into the queue table: it needs the database, not a silo.
        await Publish(key, "ok:" + key);
        await Cluster.StartAdditionalSiloAsync();

        Assert.Equal("1", await Signals.NextAsync("delivered/" + key, Patience));
        // A later event of the same stream (same queue, delivered in order) proves the first is not coming again.
        await Publish(key, "ok:" + key + "-sentinel");
        await Signals.NextAsync("delivered/" + key + "-sentinel", Patience);
        Assert.False(Signals.TryTake("delivered/" + key, out _));
    }

    [Fact]
    public async Task Stream_SubscriberThrowsOnce_ReceivesTheEventAgain()
    {
        var key = Guid.NewGuid().ToString("N");

        await Publish(key, "fail-once:" + key);

        Assert.Equal("1", await Signals.NextAsync("attempt/" + key, Patience));
        Assert.Equal("2", await Signals.NextAsync("delivered/" + key, Patience));
    }

    [Fact]
    public async Task Stream_SubscriberAlwaysThrows_EndsInDeadLettersAndRedriveDeliversIt()
    {
        var key = Guid.NewGuid().ToString("N");
        var deadLetters = Cluster.GetSiloServiceProvider().GetRequiredService<IStreamDeadLetters>();
        var before = (await deadLetters.ListAsync(1000, CancellationToken.None)).Select(d => d.MessageId).ToHashSet();

        await Publish(key, "fail:" + key);
        var dead = await Eventually.GetAsync(
            async () => (await deadLetters.ListAsync(1000, CancellationToken.None)).FirstOrDefault(d => !before.Contains(d.MessageId)),
            Patience,
            "the failing event in dead letters");

        Assert.Equal(TestClusters.StreamProvider, dead.ProviderName);
        Assert.Equal(TestClusters.StreamMaxAttempts, dead.Attempts);
        EventSinkGrain.Healed[key] = true;
        Assert.True(await deadLetters.RedriveAsync(dead.MessageId, CancellationToken.None));
        Assert.NotNull(await Signals.NextAsync("delivered/" + key, Patience));
        Assert.False(await deadLetters.RedriveAsync(dead.MessageId, CancellationToken.None));
        Assert.DoesNotContain(await deadLetters.ListAsync(1000, CancellationToken.None), d => d.MessageId == dead.MessageId);
    }

    private Task Publish(string key, string item) =>
        Cluster.Client.GetStreamProvider(TestClusters.StreamProvider)
            .GetStream<string>(StreamId.Create(EventSinkGrain.Namespace, key))
            .OnNextAsync(item);
}

[Collection(DatabaseCollection.Name)]
public sealed class PostgresStreamTests(PostgresServer server) : StreamConformance(new PostgresDialect(server));

[Collection(DatabaseCollection.Name)]
public sealed class SqliteStreamTests() : StreamConformance(new SqliteDialect());
