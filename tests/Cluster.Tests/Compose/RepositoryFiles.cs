using System.Diagnostics;
using System.Text.Json.Nodes;
using VibeCoder.Cluster.Tests.Infrastructure;

namespace VibeCoder.Cluster.Tests.Compose;

/// <summary>
/// The repository this test assembly was built from, and its YAML files read as JSON through
/// <c>tests/k8s-validate/yaml-to-json.mjs</c> (the <c>yaml</c> package that tests/run.sh installs there).
/// </summary>
internal static class RepositoryFiles
{
    /// <summary>The repository root (the hosts' output folders are <c>&lt;root&gt;/&lt;project&gt;/bin/&lt;configuration&gt;/net10.0</c>).</summary>
    public static string Root { get; } =
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(HostBinaries.Find("Silo", "VibeCoder.Silo.dll"))!, "..", "..", "..", ".."));

    /// <summary>A path under the root, from its repository-relative parts.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The text of a repository file.</summary>
    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>The documents of the given YAML files (repository-relative), in order, merge keys resolved.</summary>
    public static async Task<JsonArray> ReadYamlAsync(params string[] files)
    {
        var validator = PathOf("tests", "k8s-validate");
        Assert.True(Directory.Exists(Path.Combine(validator, "node_modules", "yaml")),
            "The yaml package is not installed: run `npm ci` in tests/k8s-validate (tests/run.sh does).");
        var start = new ProcessStartInfo("node", [Path.Combine(validator, "yaml-to-json.mjs"), .. files.Select(file => PathOf(file))])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = validator,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, await error);
        return JsonNode.Parse(await output)!.AsArray();
    }
}
