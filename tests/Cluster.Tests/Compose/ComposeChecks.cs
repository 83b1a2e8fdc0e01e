using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VibeCoder.Cluster.Tests.Compose;

/// <summary>Reads docker-compose.yml (as JSON, merge keys resolved) and says what is wrong with it.</summary>
internal static partial class ComposeChecks
{
    /// <summary>
    /// Variables the compose hosts set that the manifests do not, each with its reason; the product reads every one.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ComposeOnlyVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ORLEANS_ADVERTISED_IP"] = "a silo's fixed address on the compose network stands in for the pod IP (POD_IP)",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "traces go to the stack's Jaeger; the cluster has no collector",
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "the OTLP transport to Jaeger",
        ["OTEL_SERVICE_NAME"] = "tells silo spans from gateway spans in Jaeger",
    };

    /// <summary>Services that build one of the repository's Dockerfiles, by name.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Hosts(JsonObject compose) =>
        Services(compose).Where(service => service.Value["build"]?["dockerfile"] is not null)
            .ToDictionary(service => service.Key, service => service.Value, StringComparer.Ordinal);

    /// <summary>Every service, by name.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Services(JsonObject compose) =>
        compose["services"]!.AsObject().ToDictionary(service => service.Key, service => service.Value!.AsObject(), StringComparer.Ordinal);

    /// <summary>A service's environment, in map or list form, as name → value (null when left empty).</summary>
    public static IReadOnlyDictionary<string, string?> Environment(JsonObject service) => service["environment"] switch
    {
        JsonObject map => map.ToDictionary(entry => entry.Key, entry => entry.Value?.ToString(), StringComparer.Ordinal),
        JsonArray list => list.Select(item => item!.ToString().Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : null, StringComparer.Ordinal),
        _ => new Dictionary<string, string?>(),
    };

    /// <summary>
    /// Names the hosts and the database set that neither the manifests (<paramref name="manifestVariables"/>) nor
    /// <see cref="ComposeOnlyVariables"/> know.
    /// </summary>
    public static IReadOnlyList<string> EnvironmentProblems(JsonObject compose, IReadOnlySet<string> manifestVariables)
    {
        var services = Services(compose);
        var checkedServices = Hosts(compose).Keys.Append("postgres").Where(services.ContainsKey);
        return checkedServices
            .SelectMany(name => Environment(services[name]).Keys
                .Where(variable => !manifestVariables.Contains(variable) && !ComposeOnlyVariables.ContainsKey(variable))
                .Select(variable => $"{name}: {variable} is set by neither the k8s manifests nor the compose-only list"))
            .ToArray();
    }

    /// <summary>
    /// Secrets written into the file instead of taken from .env: a value of a Secret key, or of a name that says
    /// password, token, secret or key, that is not a <c>${VARIABLE}</c> interpolation.
    /// </summary>
    public static IReadOnlyList<string> LiteralSecrets(JsonObject compose, IReadOnlySet<string> secretKeys) =>
        Services(compose)
            .SelectMany(service => Environment(service.Value)
                .Where(variable => (secretKeys.Contains(variable.Key) || SecretName().IsMatch(variable.Key))
                                   && !string.IsNullOrEmpty(variable.Value) && !Interpolation().IsMatch(variable.Value))
                .Select(variable => $"{service.Key}: {variable.Key} has a literal value; take it from .env"))
            .ToArray();

    /// <summary>The variables the file interpolates (<c>${NAME}</c>, <c>${NAME:-default}</c>, <c>${NAME:?message}</c>).</summary>
    public static IReadOnlySet<string> InterpolatedNames(string composeText) =>
        InterpolatedName().Matches(composeText).Select(match => match.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The assignments of an env file (<c>NAME=value</c> lines; comments and blank lines skipped).</summary>
    public static IReadOnlyDictionary<string, string> EnvFile(string envFile) =>
        envFile.ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#') && line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.Ordinal);

    /// <summary>Seconds in a compose duration such as <c>60s</c>, <c>1m30s</c> or <c>2m</c>.</summary>
    public static double Seconds(string duration) =>
        DurationPart().Matches(duration).Sum(part => double.Parse(part.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture)
            * part.Groups["unit"].Value switch { "h" => 3600, "m" => 60, "ms" => 0.001, _ => 1 });

    /// <summary>The host of an http URL, or of a <c>host:port</c> target.</summary>
    public static string HostOf(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.Host : address.Split(':')[0];

    [GeneratedRegex(@"PASSWORD|TOKEN|SECRET|_KEY")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-?][^}]*)?\}$")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex InterpolatedName();

    [GeneratedRegex(@"(?<value>[0-9.]+)(?<unit>ms|h|m|s)")]
    private static partial Regex DurationPart();
}
