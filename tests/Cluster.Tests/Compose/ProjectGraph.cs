using System.Xml.Linq;

namespace VibeCoder.Cluster.Tests.Compose;

/// <summary>The project references of the repository's projects, followed from a host's project file.</summary>
internal static class ProjectGraph
{
    /// <summary>
    /// <paramref name="project"/> and every project it references, directly or not, as repository-relative paths with
    /// forward slashes (e.g. <c>Silo/Silo.csproj</c>).
    /// </summary>
    public static IReadOnlySet<string> Closure(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!found.Add(current))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(RepositoryFiles.PathOf(current))!;
            foreach (var reference in XDocument.Load(RepositoryFiles.PathOf(current)).Descendants("ProjectReference"))
            {
                var path = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepositoryFiles.Root, path).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }

        return found;
    }

    /// <summary>The assembly a project builds (its <c>AssemblyName</c>, else its file name).</summary>
    public static string AssemblyName(string project) =>
        XDocument.Load(RepositoryFiles.PathOf(project)).Descendants("AssemblyName").FirstOrDefault()?.Value
        ?? Path.GetFileNameWithoutExtension(project);
}
