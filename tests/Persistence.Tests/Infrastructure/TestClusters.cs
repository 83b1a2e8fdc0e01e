using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace VibeCoder.Persistence.Tests.Infrastructure;

/// <summary>Builds TestingHost clusters over a database: in-process silos, real ports.</summary>
public static class TestClusters
{
    public const string StreamProvider = "test-stream";
    public const int StreamMaxAttempts = 3;

    private const string KindKey = "Persistence:Kind";
    private const string ConnectionStringKey = "Persistence:ConnectionString";

    /// <summary>
    /// Deploys <paramref name="silos"/> silos on <paramref name="database"/>. On PostgreSQL the silos use the AdoNet
    /// membership of the library; on SQLite the test cluster's own membership (a SQLite deployment is one process).
    /// </summary>
    public static async Task<TestCluster> StartAsync(DatabaseSettings database, short silos = 1)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = "conformance";
        builder.Options.UseTestClusterMembership = database.Kind != DatabaseKind.Postgres;
        builder.Properties[KindKey] = database.Kind.ToString();
        builder.Properties[ConnectionStringKey] = database.ConnectionString;
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        var cluster = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await cluster.DeployAsync().WaitAsync(timeout.Token);
        return cluster;
    }

    internal static DatabaseSettings ReadDatabase(IConfiguration configuration) =>
        new(Enum.Parse<DatabaseKind>(configuration[KindKey]!), configuration[ConnectionStringKey]!);
}
