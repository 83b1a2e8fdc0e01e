namespace VibeCoder.Cluster.Tests.Infrastructure;

/// <summary>The built hosts (this project references them, so they are built first) in their own output folders.</summary>
internal static class HostBinaries
{
    /// <summary>
    /// <c>&lt;repository&gt;/&lt;project&gt;/bin/&lt;configuration&gt;/net10.0/&lt;dll&gt;</c>, the configuration being this
    /// test assembly's own (its output is <c>tests/Cluster.Tests/bin/&lt;configuration&gt;/net10.0</c>).
    /// </summary>
    public static string Find(string project, string dll)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var repository = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(repository, project, "bin", configuration, output.Name, dll);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Build {project} first (dotnet build {project}/{project}.csproj -c {configuration}).", path);
    }
}
