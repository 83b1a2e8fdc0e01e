namespace VibeCoder.Bench.Cluster;

/// <summary>The product's hosts, built alongside the bench (project references), in their own output folders.</summary>
internal static class HostBinaries
{
    /// <summary>
    /// <c>&lt;repository&gt;/&lt;project&gt;/bin/&lt;configuration&gt;/net10.0/&lt;dll&gt;</c>, the configuration being the
    /// bench's own (its output is <c>bench/bin/&lt;configuration&gt;/net10.0</c>).
    /// </summary>
    /// <exception cref="FileNotFoundException">The host was not built.</exception>
    public static string Find(string project, string dll)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var repository = output.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(repository, project, "bin", configuration, output.Name, dll);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Build {project} first (dotnet build -c {configuration} {project}/{project}.csproj).", path);
    }
}
