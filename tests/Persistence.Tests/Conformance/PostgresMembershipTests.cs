using Npgsql;
using VibeCoder.Persistence.Tests.Infrastructure;

namespace VibeCoder.Persistence.Tests.Conformance;

/// <summary>AdoNet membership on PostgreSQL (a SQLite deployment is one process with localhost clustering).</summary>
[Collection(DatabaseCollection.Name)]
public sealed class PostgresMembershipTests(PostgresServer server)
{
    private const int Dead = 6;
    private const int Active = 3;

    [Fact]
    public async Task Membership_KilledSilo_IsDeclaredDeadInTheTable()
    {
        var database = await new PostgresDialect(server).NewDatabaseAsync();
        var cluster = await TestClusters.StartAsync(database, silos: 2);
        try
        {
            var victim = cluster.Silos[1];
            Assert.Equal(Active, await StatusAsync(database, victim.SiloAddress.Endpoint.Port));

            await cluster.KillSiloAsync(victim);

            var status = await Eventually.GetAsync<object>(
                async () => await StatusAsync(database, victim.SiloAddress.Endpoint.Port) == Dead ? Dead : null,
                TimeSpan.FromSeconds(30),
                "the killed silo's row to say Dead");
            Assert.Equal(Dead, status);
            Assert.Equal(Active, await StatusAsync(database, cluster.Silos[0].SiloAddress.Endpoint.Port));
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private static async Task<int?> StatusAsync(DatabaseSettings database, int port)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status FROM orleans_membership WHERE port = @port", connection);
        command.Parameters.AddWithValue("port", port);
        return await command.ExecuteScalarAsync() as int?;
    }
}
