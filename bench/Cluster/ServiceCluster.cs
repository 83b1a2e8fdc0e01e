using System.Globalization;
using VibeCoder.TestServers.Net;

namespace VibeCoder.Bench.Cluster;

/// <summary>
/// The production topology on loopback: <c>Silo</c> processes and one <c>Gateway</c> in client mode, all on one
/// PostgreSQL database, configured by the variables the k8s manifests set (ConfigMap, Secret, downward API); only the
/// values differ (loopback, a port per process, no Telegram, quieter logs). Disposing kills every host.
/// </summary>
internal sealed class ServiceCluster : IAsyncDisposable
{
    /// <summary>How long a host may take to become ready (a loaded two-core machine starts several .NET hosts at once).</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly List<ServiceHostProcess> _hosts = [];
    private readonly List<ServiceHostProcess> _silos = [];
    private ServiceHostProcess _gateway = null!;

    private ServiceCluster()
    {
    }

    /// <summary>The gateway's HTTP address.</summary>
    public Uri GatewayAddress => _gateway.Address;

    /// <summary>CPU time each silo used so far, in start order.</summary>
    public IReadOnlyList<TimeSpan> SiloCpuTimes => _silos.Select(s => s.CpuTime).ToArray();

    /// <summary>CPU time the gateway used so far.</summary>
    public TimeSpan GatewayCpuTime => _gateway.CpuTime;

    /// <summary>Starts <paramref name="silos"/> silos and the gateway on <paramref name="postgresUrl"/> and waits until all are ready.</summary>
    public static async Task<ServiceCluster> StartAsync(int silos, string postgresUrl, string logFolder, CancellationToken cancellationToken)
    {
        var shared = Shared(postgresUrl);
        var siloDll = HostBinaries.Find("Silo", "VibeCoder.Silo.dll");
        var gatewayDll = HostBinaries.Find("Gateway", "VibeCoder.Gateway.dll");
        var cluster = new ServiceCluster();
        try
        {
            // The first silo installs the schema and founds the cluster; the rest join it, as a Deployment's pods would.
            var first = cluster.StartSilo(0, shared, siloDll, logFolder);
            await first.WaitUntilReadyAsync(StartTimeout, cancellationToken);
            var rest = Enumerable.Range(1, silos - 1).Select(i => cluster.StartSilo(i, shared, siloDll, logFolder)).ToList();
            var gatewayPort = LoopbackPorts.Next();
            var gateway = ServiceHostProcess.Start("gateway-0", gatewayDll, new Dictionary<string, string>(shared)
            {
                ["POD_NAME"] = "gateway-0",
                ["POD_IP"] = "127.0.0.1",
                ["GATEWAY_MODE"] = "client",
            }, gatewayPort, logFolder);
            cluster._hosts.Add(gateway);
            cluster._gateway = gateway;
            await Task.WhenAll(rest.Append(gateway).Select(host => host.WaitUntilReadyAsync(StartTimeout, cancellationToken)));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }

        _hosts.Clear();
    }

    /// <summary>ConfigMap <c>vibecoder-config</c> and Secret <c>vibecoder-secrets</c>, as every host gets them through <c>envFrom</c>.</summary>
    private static Dictionary<string, string> Shared(string postgresUrl) => new()
    {
        ["STORAGE"] = "postgres",
        ["ORLEANS_CLUSTER_ID"] = "vibecoder",
        ["ORLEANS_SERVICE_ID"] = "vibecoder",
        // Carousels come through the HTTP API here; content from the offline generator (no OPENAI_API_KEY).
        ["TELEGRAM_MODE"] = "off",
        ["LOG_FORMAT"] = "json",
        ["Logging__LogLevel__Default"] = "Warning",
        ["SHUTDOWN_TIMEOUT_SECONDS"] = "5",
        // The gateway must know every silo before the measured phase; production re-reads the list every 10 s.
        ["ORLEANS_GATEWAY_LIST_REFRESH_SECONDS"] = "2",
        ["POSTGRES_URL"] = postgresUrl,
        // The load comes from one address: the public per-client limit would refuse most of it.
        ["API_RATE_LIMIT_PER_MINUTE"] = "0",
    };

    private ServiceHostProcess StartSilo(int index, Dictionary<string, string> shared, string dll, string logFolder)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"silo-{index}");
        var httpPort = LoopbackPorts.Next();
        var silo = ServiceHostProcess.Start(name, dll, new Dictionary<string, string>(shared)
        {
            ["POD_NAME"] = name,
            ["POD_IP"] = "127.0.0.1",
            ["ORLEANS_SILO_PORT"] = LoopbackPorts.Next().ToString(CultureInfo.InvariantCulture),
            ["ORLEANS_GATEWAY_PORT"] = LoopbackPorts.Next().ToString(CultureInfo.InvariantCulture),
        }, httpPort, logFolder);
        _hosts.Add(silo);
        _silos.Add(silo);
        return silo;
    }
}
