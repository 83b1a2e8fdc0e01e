using System.Net.Http.Headers;
using VibeCoder.TestServers.Net;
using VibeCoder.TestServers.Postgres;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Cluster.Tests.Infrastructure;

/// <summary>
/// The production topology on loopback, shared by the cluster tests: a throwaway PostgreSQL, the Bot API stand-in,
/// three <c>Silo</c> processes and two <c>Gateway</c> processes in client mode. Tests may kill and restart silos but
/// leave all of them running when they finish.
/// </summary>
public sealed class ProcessCluster : IAsyncLifetime
{
    public const int SiloCount = 3;
    public const int GatewayCount = 2;

    /// <summary>How long a host may take to become ready (a loaded two-core machine starts five .NET hosts at once).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _logFolder = Path.Combine(Path.GetTempPath(), "vibecoder-cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<HostProcess> _silos = [];
    private readonly List<HostProcess> _gateways = [];
    private PostgresTestServer? _postgres;

    public BotApiStandInServer Telegram { get; private set; } = null!;

    /// <summary>The cluster's database server, for fault tests that stop and start it.</summary>
    internal PostgresTestServer Postgres => _postgres ?? throw new InvalidOperationException("The cluster has not started.");

    internal IReadOnlyList<HostProcess> Silos => _silos;

    internal IReadOnlyList<HostProcess> Gateways => _gateways;

    /// <summary>Where the hosts' logs are (kept after the run for diagnosis).</summary>
    public string LogFolder => _logFolder;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_logFolder);
        _postgres = await PostgresTestServer.StartAsync(CancellationToken.None);
        var database = await _postgres.CreateDatabaseAsync("vibecoder");
        Telegram = await BotApiStandInServer.StartAsync();
        var shared = ClusterEnvironment.Shared(database, Telegram);
        var siloDll = HostBinaries.Find("Silo", "VibeCoder.Silo.dll");
        var gatewayDll = HostBinaries.Find("Gateway", "VibeCoder.Gateway.dll");
        for (var i = 0; i < SiloCount; i++)
        {
            var name = $"silo-{i}";
            var port = LoopbackPorts.Next();
            _silos.Add(new HostProcess(name, siloDll, ClusterEnvironment.Silo(shared, name, port, LoopbackPorts.Next(), LoopbackPorts.Next()), port, _logFolder));
        }

        for (var i = 0; i < GatewayCount; i++)
        {
            var name = $"gateway-{i}";
            var port = LoopbackPorts.Next();
            _gateways.Add(new HostProcess(name, gatewayDll, ClusterEnvironment.Gateway(shared, name, port), port, _logFolder));
        }

        // The first silo installs the schema and founds the cluster; the rest join it, as a Deployment's pods would.
        _silos[0].Start();
        await _silos[0].WaitUntilReadyAsync(StartTimeout);
        foreach (var host in _silos.Skip(1).Concat(_gateways))
        {
            host.Start();
        }

        await Task.WhenAll(_silos.Skip(1).Concat(_gateways).Select(host => host.WaitUntilReadyAsync(StartTimeout)));
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _gateways.Concat(_silos))
        {
            await host.DisposeAsync();
        }

        if (Telegram is not null)
        {
            await Telegram.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    /// <summary>An HTTP client for one gateway, carrying the dashboard token (for <c>/api/events</c>) and an API key.</summary>
    internal static HttpClient ClientFor(HostProcess host)
    {
        var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ClusterEnvironment.DashboardToken);
        client.DefaultRequestHeaders.Add("X-Api-Key", ClusterEnvironment.ApiKey);
        return client;
    }

    /// <summary>Starts every host that is not running and waits until all are ready.</summary>
    internal async Task EnsureAllRunningAsync()
    {
        foreach (var host in _silos.Concat(_gateways).Where(host => !host.IsRunning))
        {
            host.Start();
        }

        await Task.WhenAll(_silos.Concat(_gateways).Select(host => host.WaitUntilReadyAsync(StartTimeout)));
    }
}

[CollectionDefinition(Name)]
public sealed class ProcessClusterCollection : ICollectionFixture<ProcessCluster>
{
    public const string Name = "process-cluster";
}
