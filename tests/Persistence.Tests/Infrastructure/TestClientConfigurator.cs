using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using VibeCoder.Persistence.Hosting;

namespace VibeCoder.Persistence.Tests.Infrastructure;

/// <summary>The test client publishes to the stream provider; on PostgreSQL it finds gateways through the AdoNet membership.</summary>
public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        var database = TestClusters.ReadDatabase(configuration);
        if (database.Kind == DatabaseKind.Postgres)
        {
            clientBuilder.UseVibeCoderClustering(database);
        }

        clientBuilder.AddVibeCoderStreams(database, TestClusters.StreamProvider);
    }
}
