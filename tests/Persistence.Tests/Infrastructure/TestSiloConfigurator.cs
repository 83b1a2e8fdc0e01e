using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using VibeCoder.Persistence.Hosting;

namespace VibeCoder.Persistence.Tests.Infrastructure;

/// <summary>
/// Every test silo: the library's persistence on the cluster's database, with timings lowered so restarts, retries and
/// death declarations happen in seconds.
/// </summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var database = TestClusters.ReadDatabase(siloBuilder.Configuration);
        siloBuilder.AddVibeCoderPersistence(database, TestClusters.StreamProvider);

        siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        siloBuilder.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(1);
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        });

        // Quick retries: a failed delivery is retried for half a second, each message gets three leases.
        siloBuilder.Services.Configure<AdoNetStreamOptions>(TestClusters.StreamProvider, o =>
        {
            o.MaxAttempts = TestClusters.StreamMaxAttempts;
            o.VisibilityTimeout = TimeSpan.FromSeconds(2);
            o.EvictionInterval = TimeSpan.FromSeconds(1);
        });
        siloBuilder.Services.Configure<StreamPullingAgentOptions>(TestClusters.StreamProvider, o =>
        {
            o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(20);
            o.MaxEventDeliveryTime = TimeSpan.FromMilliseconds(500);
        });
    }
}
