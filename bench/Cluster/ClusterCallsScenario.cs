using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Placement;
using VibeCoder.Bench.Scenarios;
using VibeCoder.TestServers.Postgres;

namespace VibeCoder.Bench.Cluster;

/// <summary>
/// <c>cluster-calls</c>: grain calls/s when the callee lives on another silo (a real TCP hop between two silos that
/// found each other through the product's AdoNet membership on a throwaway PostgreSQL) against, as the baseline,
/// callees on the calling silo. Both silos run in this process; every caller runs on silo A. Short rounds of each
/// side alternate (ABBA).
/// </summary>
/// <remarks>
/// Placement is made deterministic with Orleans' placement hint (<see cref="IPlacementDirector.PlacementHintKey"/> in
/// the <see cref="RequestContext"/>, honoured by every built-in placement director): each callee is first called from
/// the silo it should live on, naming that silo, and then asked where it lives, so a misplaced callee fails the run
/// instead of blurring the figures. Both silos share this process's two cores: the remote figure carries the cost
/// of both ends of the hop.
/// </remarks>
internal static class ClusterCallsScenario
{
    private const int SampleEvery = 16;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SingleCallerRound = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MembershipTimeout = TimeSpan.FromSeconds(60);

    public static async Task<JsonObject> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var callees = arguments.Count ?? 1000;
        await using var postgres = await PostgresTestServer.StartAsync(cancellationToken);
        var database = await postgres.CreateDatabaseAsync("cluster", cancellationToken);

        // Sequential: the first silo installs the schema and founds the cluster, the second joins it.
        await using var siloA = await PostgresSilo.StartAsync(database, [], null, cancellationToken);
        await using var siloB = await PostgresSilo.StartAsync(database, [], null, cancellationToken);
        var a = SiloAddressOf(siloA);
        var b = SiloAddressOf(siloB);
        await WaitUntilActiveAsync(siloA, b, cancellationToken);
        Console.Error.WriteLine($"silo A {a}, silo B {b}: both active");

        var factoryA = siloA.Services.GetRequiredService<IGrainFactory>();
        var factoryB = siloB.Services.GetRequiredService<IGrainFactory>();
        var remote = await PlaceAsync(factoryB, b, firstKey: 0, callees);
        var local = await PlaceAsync(factoryA, a, firstKey: callees, callees);

        // Every call below goes from silo A: to B for the remote side, to A itself for the baseline.
        var remoteRefs = remote.Select(g => factoryA.GetGrain<IClusterCallsGrain>(g.GetPrimaryKeyLong())).ToArray();
        var localRefs = local.Select(g => factoryA.GetGrain<IClusterCallsGrain>(g.GetPrimaryKeyLong())).ToArray();
        await ExpectSiloAsync(remoteRefs, b.ToString(), "remote");
        await ExpectSiloAsync(localRefs, a.ToString(), "local");

        var remoteLoad = new CallerLoad(callees, SampleEvery, i => remoteRefs[i].Ping(i));
        var localLoad = new CallerLoad(callees, SampleEvery, i => localRefs[i].Ping(i));
        await remoteLoad.RunAsync(Warmup, measure: false, cancellationToken);
        await localLoad.RunAsync(Warmup, measure: false, cancellationToken);

        var rounds = Math.Max(2, (int)Math.Round(arguments.Seconds / 2));
        var round = TimeSpan.FromSeconds(arguments.Seconds / rounds);
        for (var i = 0; i < rounds; i++)
        {
            var remoteFirst = i % 2 == 0;
            var first = await (remoteFirst ? remoteLoad : localLoad).RunAsync(round, measure: true, cancellationToken);
            var second = await (remoteFirst ? localLoad : remoteLoad).RunAsync(round, measure: true, cancellationToken);
            Console.Error.WriteLine($"round {i + 1}: remote {(remoteFirst ? first : second):N0} calls/s, local {(remoteFirst ? second : first):N0} calls/s");
        }

        // One caller alone: the latency of the hop itself, without the queueing that 1,000 callers add.
        var remoteAlone = new CallerLoad(1, 1, _ => remoteRefs[0].Ping(0));
        var localAlone = new CallerLoad(1, 1, _ => localRefs[0].Ping(0));
        await remoteAlone.RunAsync(SingleCallerRound, measure: true, cancellationToken);
        await localAlone.RunAsync(SingleCallerRound, measure: true, cancellationToken);

        var remoteRate = remoteLoad.Calls / remoteLoad.Seconds;
        var localRate = localLoad.Calls / localLoad.Seconds;
        return new JsonObject
        {
            ["scenario"] = "cluster-calls",
            ["value"] = Math.Round(remoteRate),
            ["unit"] = "calls/s",
            ["value_is"] = "callee on the other silo (TCP between two silos, AdoNet membership on PostgreSQL)",
            ["p50_us"] = remoteLoad.Latency.PercentileMicroseconds(50),
            ["p99_us"] = remoteLoad.Latency.PercentileMicroseconds(99),
            ["slowest_caller_per_s"] = Math.Round(remoteLoad.SlowestCallerRate, 1),
            ["one_caller_p50_us"] = remoteAlone.Latency.PercentileMicroseconds(50),
            ["one_caller_p99_us"] = remoteAlone.Latency.PercentileMicroseconds(99),
            ["baseline"] = Math.Round(localRate),
            ["baseline_is"] = "callee on the calling silo",
            ["baseline_p50_us"] = localLoad.Latency.PercentileMicroseconds(50),
            ["baseline_p99_us"] = localLoad.Latency.PercentileMicroseconds(99),
            ["baseline_slowest_caller_per_s"] = Math.Round(localLoad.SlowestCallerRate, 1),
            ["baseline_one_caller_p50_us"] = localAlone.Latency.PercentileMicroseconds(50),
            ["baseline_one_caller_p99_us"] = localAlone.Latency.PercentileMicroseconds(99),
            ["ratio"] = Math.Round(remoteRate / localRate, 3),
            ["callees"] = callees,
            ["callers"] = callees,
            ["silos"] = 2,
            ["cores"] = Environment.ProcessorCount,
            ["seconds"] = arguments.Seconds,
            ["rounds"] = rounds,
        };
    }

    private static SiloAddress SiloAddressOf(PostgresSilo silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>Waits until <paramref name="silo"/>'s view of the cluster shows <paramref name="other"/> active.</summary>
    private static async Task WaitUntilActiveAsync(PostgresSilo silo, SiloAddress other, CancellationToken cancellationToken)
    {
        var membership = silo.Services.GetRequiredService<IClusterMembershipService>();
        if (membership.CurrentSnapshot.GetSiloStatus(other) == SiloStatus.Active)
        {
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(MembershipTimeout);
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(deadline.Token))
            {
                if (snapshot.GetSiloStatus(other) == SiloStatus.Active)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Reported below.
        }

        throw new TimeoutException($"Silo {other} did not become active in the other silo's view within {MembershipTimeout}.");
    }

    /// <summary>
    /// Activates <paramref name="count"/> callees from keys <paramref name="firstKey"/> on by calling them through
    /// <paramref name="factory"/> (a silo's own) with that silo as the placement hint.
    /// </summary>
    private static async Task<IClusterCallsGrain[]> PlaceAsync(IGrainFactory factory, SiloAddress silo, int firstKey, int count)
    {
        var grains = Enumerable.Range(firstKey, count).Select(k => factory.GetGrain<IClusterCallsGrain>(k)).ToArray();
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        try
        {
            await Task.WhenAll(grains.Select(g => g.Ping(0)));
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }

        return grains;
    }

    private static async Task ExpectSiloAsync(IClusterCallsGrain[] grains, string silo, string side)
    {
        var places = await Task.WhenAll(grains.Select(g => g.Where()));
        var misplaced = places.Count(p => p != silo);
        if (misplaced > 0)
        {
            throw new InvalidOperationException($"{misplaced} of {grains.Length} {side} callees are not on {silo} (e.g. {places.First(p => p != silo)}).");
        }
    }
}
