using Orleans.TestingHost;
using VibeCoder.Persistence.Tests.Grains;
using VibeCoder.Persistence.Tests.Infrastructure;

namespace VibeCoder.Persistence.Tests.Conformance;

/// <summary>Reminders through Orleans' AdoNet reminder table, the same assertions for every dialect.</summary>
public abstract class ReminderConformance(Dialect dialect)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reminder_AfterSiloRestartOnSameDatabase_FiresAgain()
    {
        var database = await dialect.NewDatabaseAsync();
        var key = $"{dialect.Kind}-{Guid.NewGuid():N}";
        var cluster = await TestClusters.StartAsync(database);
        try
        {
            await cluster.Client.GetGrain<ITickerGrain>(key).Start(TimeSpan.FromSeconds(1));
            await Signals.NextAsync("tick/" + key, Patience);

            var restarted = await cluster.RestartSiloAsync(cluster.Silos[0]);
            Assert.NotNull(restarted);
            while (Signals.TryTake("tick/" + key, out _))
            {
            }

            // Nothing calls the grain after the restart: only the reminder table can bring it back.
            Assert.Equal(TickerGrain.ReminderName, await Signals.NextAsync("tick/" + key, Patience));
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }
}

[Collection(DatabaseCollection.Name)]
public sealed class PostgresReminderTests(PostgresServer server) : ReminderConformance(new PostgresDialect(server));

[Collection(DatabaseCollection.Name)]
public sealed class SqliteReminderTests() : ReminderConformance(new SqliteDialect());
