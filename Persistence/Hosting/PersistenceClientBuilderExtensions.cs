using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace VibeCoder.Persistence.Hosting;

/// <summary>Registers the grain service's storage-backed parts on an Orleans client (a gateway in client mode).</summary>
public static class PersistenceClientBuilderExtensions
{
    /// <summary>
    /// Finds the cluster's gateways: the AdoNet gateway list on PostgreSQL; on SQLite (a single local silo) localhost
    /// clustering on the default gateway port.
    /// </summary>
    public static IClientBuilder UseVibeCoderClustering(this IClientBuilder client, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(database);
        return database.Kind == DatabaseKind.Postgres
            ? client.UseAdoNetClustering(o =>
            {
                o.Invariant = database.Invariant;
                o.ConnectionString = database.ConnectionString;
            })
            : client.UseLocalhostClustering();
    }

    /// <summary>
    /// Lets the client publish to the AdoNet stream providers of the given names (a publish is one insert into the
    /// provider's queue table); the silos poll and deliver. Queue count matches <c>AddVibeCoderPersistence</c>.
    /// </summary>
    public static IClientBuilder AddVibeCoderStreams(this IClientBuilder client, DatabaseSettings database, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(names);

        var db = new VibeCoderDatabase(database);
        client.Services.AddSingleton(db);
        foreach (var name in names)
        {
            client.AddAdoNetStreams(name, stream =>
            {
                stream.ConfigureAdoNet(options => options.Configure(o => PersistenceSiloBuilderExtensions.ConfigureStreams(o, db)));
                stream.ConfigurePartitioning(StreamDefaults.QueueCount);
            });
        }

        return client;
    }
}
