using System.Diagnostics;
using System.Text.RegularExpressions;
using VibeCoder.Cluster.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Cluster.Tests;

/// <summary>
/// The k8s/ kustomization renders and every rendered object validates against the Kubernetes schemas (offline, through
/// the kubernetes-models package that tests/run.sh installs), and the cluster tests run with the manifests' variables.
/// </summary>
public sealed partial class ManifestTests
{
    private static readonly string Repository = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(HostBinaries.Find("Silo", "VibeCoder.Silo.dll"))!, "..", "..", "..", ".."));
    private static readonly string K8s = Path.Combine(Repository, "k8s");
    private static readonly string Validator = Path.Combine(Repository, "tests", "k8s-validate");

    // Failure detection and pacing tuned for a test's time budget; production keeps the defaults (docs/deploy.md).
    private static readonly string[] TestOnlyVariables =
    [
        "ORLEANS_PROBE_TIMEOUT_SECONDS", "ORLEANS_MISSED_PROBES_LIMIT", "ORLEANS_TABLE_REFRESH_SECONDS",
        "Carousel__WatchdogPeriod", "Carousel__RetryBaseDelay", "TELEGRAM_PER_CHAT_MESSAGES_PER_SECOND", "TELEGRAM_PER_CHAT_BURST",
        "TELEGRAM_GLOBAL_MESSAGES_PER_SECOND", "TELEGRAM_GLOBAL_BURST", "MAX_JOBS_IN_FLIGHT",
    ];

    [Fact]
    public async Task Kustomization_Rendered_EveryObjectValidatesAgainstTheKubernetesSchemas()
    {
        var (exitCode, output) = await ValidateAsync(await RenderAsync());

        Assert.True(exitCode == 0, output);
        foreach (var kind in (string[])["Deployment/silo", "Deployment/gateway", "StatefulSet/postgres", "PodDisruptionBudget/silo",
                     "HorizontalPodAutoscaler/silo", "HorizontalPodAutoscaler/gateway", "Ingress/vibecoder", "NetworkPolicy/postgres", "NetworkPolicy/silo"])
        {
            Assert.Contains($"ok {kind}", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Kustomization_WithATypo_FailsValidation()
    {
        var rendered = await RenderAsync();
        var broken = rendered.Replace("replicas: 3", "replicas: three", StringComparison.Ordinal);
        Assert.NotEqual(rendered, broken);

        var (exitCode, output) = await ValidateAsync(broken);

        Assert.Equal(1, exitCode);
        Assert.Contains("INVALID Deployment/silo", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterTestEnvironment_UsesOnlyVariablesTheManifestsSet()
    {
        var rendered = await RenderAsync();
        var standIn = await BotApiStandInServer.StartAsync();
        await using var _ = standIn;
        var shared = ClusterEnvironment.Shared("Host=127.0.0.1", standIn);
        var names = ClusterEnvironment.Silo(shared, "silo-0", 1, 2, 3).Keys
            .Concat(ClusterEnvironment.Gateway(shared, "gateway-0", 4).Keys)
            .Except(TestOnlyVariables)
            .Distinct();

        var set = ManifestVariable().Matches(rendered).Select(match => match.Groups[1].Value).ToHashSet();
        var missing = names.Where(name => !set.Contains(name)).ToArray();

        Assert.True(missing.Length == 0, "Not set by the manifests: " + string.Join(", ", missing));
    }

    private static async Task<string> RenderAsync()
    {
        // kubectl's own kustomize when the machine has kubectl; otherwise the validator renders the kustomization.
        var (exitCode, output) = OnPath("kubectl")
            ? await RunAsync("kubectl", ["kustomize", K8s], stdin: null)
            : await RunAsync("node", [Path.Combine(Validator, "validate.mjs"), "--kustomize", K8s, "--print"], stdin: null);
        Assert.True(exitCode == 0, output);
        return output;
    }

    private static Task<(int ExitCode, string Output)> ValidateAsync(string rendered)
    {
        Assert.True(Directory.Exists(Path.Combine(Validator, "node_modules", "kubernetes-models")),
            "kubernetes-models is not installed: run `npm ci` in tests/k8s-validate (tests/run.sh does).");
        return RunAsync("node", [Path.Combine(Validator, "validate.mjs")], rendered);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(directory => File.Exists(Path.Combine(directory, tool)));

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, string? stdin)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Validator,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }

    // Every word of the rendered objects: ConfigMap and Secret keys, container env names (comments are gone by now).
    [GeneratedRegex(@"\b([A-Za-z_][A-Za-z0-9_]*)\b")]
    private static partial Regex ManifestVariable();
}
