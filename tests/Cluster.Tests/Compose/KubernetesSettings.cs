using System.Text.Json.Nodes;

namespace VibeCoder.Cluster.Tests.Compose;

/// <summary>The variables the k8s/ manifests give the pods: the ConfigMap's, the Secret's keys and the containers' own.</summary>
/// <param name="ConfigMap">The ConfigMap's data.</param>
/// <param name="SecretKeys">The Secret's keys.</param>
/// <param name="ContainerVariables">Names set in the containers' <c>env</c> (downward API, GATEWAY_MODE, PostgreSQL's).</param>
internal sealed record KubernetesSettings(
    IReadOnlyDictionary<string, string> ConfigMap, IReadOnlySet<string> SecretKeys, IReadOnlySet<string> ContainerVariables)
{
    /// <summary>Every variable name the manifests set.</summary>
    public IReadOnlySet<string> AllVariables => ConfigMap.Keys.Concat(SecretKeys).Concat(ContainerVariables).ToHashSet(StringComparer.Ordinal);

    /// <summary>Reads every <c>k8s/*.yaml</c>.</summary>
    public static async Task<KubernetesSettings> ReadAsync()
    {
        var files = Directory.EnumerateFiles(RepositoryFiles.PathOf("k8s"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(file => Path.GetRelativePath(RepositoryFiles.Root, file)).ToArray();
        var objects = (await RepositoryFiles.ReadYamlAsync(files)).Select(node => node!.AsObject()).ToArray();
        var configMap = objects.Single(o => o["kind"]?.ToString() == "ConfigMap")["data"]!.AsObject()
            .ToDictionary(entry => entry.Key, entry => entry.Value!.ToString(), StringComparer.Ordinal);
        var secret = objects.Single(o => o["kind"]?.ToString() == "Secret");
        var secretKeys = ((string[])["stringData", "data"]).SelectMany(field => secret[field]?.AsObject().Select(entry => entry.Key) ?? [])
            .ToHashSet(StringComparer.Ordinal);
        var containerVariables = objects
            .SelectMany(o => o["spec"]?["template"]?["spec"]?["containers"]?.AsArray() ?? [])
            .SelectMany(container => container!["env"]?.AsArray() ?? [])
            .Select(variable => variable!["name"]!.ToString())
            .ToHashSet(StringComparer.Ordinal);
        return new KubernetesSettings(configMap, secretKeys, containerVariables);
    }
}
