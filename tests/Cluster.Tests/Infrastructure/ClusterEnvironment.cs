using System.Globalization;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Cluster.Tests.Infrastructure;

/// <summary>
/// The environment of each host, by the same names the k8s manifests set (ConfigMap <c>vibecoder-config</c>, Secret
/// <c>vibecoder-secrets</c>, the downward API's <c>POD_NAME</c>/<c>POD_IP</c> and the per-Deployment variables); only
/// the values differ: loopback addresses, a port per process, and failure detection tuned for a test's time budget.
/// </summary>
internal static class ClusterEnvironment
{
    public const string WebhookSecret = "cluster-test-webhook-secret_0123456789";
    public const string DashboardToken = "cluster-test-dashboard-token-0123456789";

    /// <summary>The integration key the tests' API calls present (the Secret's <c>API_KEYS</c>): no per-client limit, may name a user.</summary>
    public const string ApiKey = "cluster-test-api-key-0123456789";

    /// <summary>ConfigMap and Secret: what every silo and gateway gets through <c>envFrom</c>.</summary>
    public static Dictionary<string, string> Shared(string postgresUrl, BotApiStandInServer telegram) => new()
    {
        // ConfigMap vibecoder-config
        ["STORAGE"] = "postgres",
        ["ORLEANS_CLUSTER_ID"] = "vibecoder",
        ["ORLEANS_SERVICE_ID"] = "vibecoder",
        ["TELEGRAM_MODE"] = "webhook",
        ["TELEGRAM_WEBHOOK_URL"] = "https://vibecoder.example.test/telegram/webhook",
        ["TELEGRAM_API_BASE_URL"] = telegram.BaseAddress.ToString().TrimEnd('/'),
        ["QUOTA_PER_HOUR"] = "10",
        ["LOG_FORMAT"] = "json",
        ["Logging__LogLevel__Default"] = "Warning",
        ["SHUTDOWN_TIMEOUT_SECONDS"] = "20",
        // Failure detection: production keeps Orleans' defaults (5 s probes, 3 misses); a test wants seconds, but not so few
        // that a silo starved of CPU while it starts (two cores, five hosts) is declared dead.
        ["ORLEANS_PROBE_TIMEOUT_SECONDS"] = "2",
        ["ORLEANS_MISSED_PROBES_LIMIT"] = "2",
        ["ORLEANS_TABLE_REFRESH_SECONDS"] = "5",
        ["ORLEANS_GATEWAY_LIST_REFRESH_SECONDS"] = "2",
        ["Carousel__WatchdogPeriod"] = "00:00:02",
        ["Carousel__RetryBaseDelay"] = "00:00:00.100",
        // These tests are about failover, not overload: with one silo dead and one restarting, the chats' queued updates
        // reach the survivor at once, more than its default bound (16 × cores), and it would shed them (docs/faults.md).
        ["MAX_JOBS_IN_FLIGHT"] = "1000",
        // Telegram pacing: the stand-in has no flood limits to respect.
        ["TELEGRAM_PER_CHAT_MESSAGES_PER_SECOND"] = "1000",
        ["TELEGRAM_PER_CHAT_BURST"] = "1000",
        ["TELEGRAM_GLOBAL_MESSAGES_PER_SECOND"] = "10000",
        ["TELEGRAM_GLOBAL_BURST"] = "10000",
        // Secret vibecoder-secrets
        ["POSTGRES_URL"] = postgresUrl,
        ["TELEGRAM_BOT_TOKEN"] = telegram.Token,
        ["TELEGRAM_WEBHOOK_SECRET"] = WebhookSecret,
        ["DASHBOARD_TOKEN"] = DashboardToken,
        ["API_KEYS"] = ApiKey,
    };

    /// <summary>A silo pod: the shared settings, the downward API and the Orleans ports.</summary>
    public static Dictionary<string, string> Silo(IReadOnlyDictionary<string, string> shared, string name, int httpPort, int siloPort, int gatewayPort) =>
        new(shared)
        {
            ["POD_NAME"] = name,
            ["POD_IP"] = "127.0.0.1",
            ["ASPNETCORE_URLS"] = Url(httpPort),
            ["ORLEANS_SILO_PORT"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["ORLEANS_GATEWAY_PORT"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        };

    /// <summary>A gateway pod in client mode.</summary>
    public static Dictionary<string, string> Gateway(IReadOnlyDictionary<string, string> shared, string name, int httpPort) =>
        new(shared)
        {
            ["POD_NAME"] = name,
            ["POD_IP"] = "127.0.0.1",
            ["ASPNETCORE_URLS"] = Url(httpPort),
            ["GATEWAY_MODE"] = "client",
        };

    private static string Url(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
}
