namespace VibeCoder.Cluster.Tests.Compose;

/// <summary>
/// What a host's Dockerfile must do (no container engine here, so it is read, not built): build on the official .NET
/// 10 SDK image and run on the ASP.NET one, copy exactly the project files its host references and folders that
/// exist, publish that host, run as a user other than root, check health on the liveness endpoint with a tool it
/// installs, expose the given ports, install the given Debian packages and start the host's assembly.
/// </summary>
internal static class DockerfileChecks
{
    /// <summary>The image that builds.</summary>
    public const string SdkImage = "mcr.microsoft.com/dotnet/sdk:10.0";

    /// <summary>The image that runs.</summary>
    public const string RuntimeImage = "mcr.microsoft.com/dotnet/aspnet:10.0";

    /// <summary>What is wrong with <paramref name="dockerfile"/> as the image of <paramref name="project"/>; empty when nothing is.</summary>
    /// <param name="dockerfile">The Dockerfile's text.</param>
    /// <param name="project">The host's project, repository-relative (<c>Silo/Silo.csproj</c>).</param>
    /// <param name="livenessPath">The path the host answers liveness on.</param>
    /// <param name="ports">Ports the image must expose.</param>
    /// <param name="packages">Debian packages the runtime stage must install.</param>
    public static IReadOnlyList<string> Problems(
        string dockerfile, string project, string livenessPath, IEnumerable<string> ports, IEnumerable<string> packages)
    {
        var problems = new List<string>();
        var instructions = DockerInstruction.Parse(dockerfile);
        var froms = instructions.Where(i => i.Keyword == "FROM").ToArray();
        if (froms.Length < 2 || !froms[0].Arguments.StartsWith(SdkImage + " ", StringComparison.Ordinal)
            || !froms[^1].Arguments.StartsWith(RuntimeImage, StringComparison.Ordinal))
        {
            problems.Add($"expected a build stage FROM {SdkImage} and a final stage FROM {RuntimeImage}");
        }

        CheckCopies(instructions, project, problems);
        if (!instructions.Any(i => i.Keyword == "RUN" && i.Arguments.Contains($"dotnet publish {project}", StringComparison.Ordinal)))
        {
            problems.Add($"no RUN dotnet publish {project}");
        }

        var final = instructions.SkipWhile(i => i != froms.LastOrDefault()).ToArray();
        var installed = final.Where(i => i.Keyword == "RUN" && i.Arguments.Contains("apt-get install", StringComparison.Ordinal))
            .SelectMany(i => i.Words).ToHashSet(StringComparer.Ordinal);
        var user = final.LastOrDefault(i => i.Keyword == "USER")?.Arguments;
        if (user is null || user.Split(':')[0] is "root" or "0")
        {
            problems.Add($"the final stage must switch to a user other than root (USER $APP_UID), has {user ?? "no USER"}");
        }

        var healthCheck = final.LastOrDefault(i => i.Keyword == "HEALTHCHECK")?.Words;
        var command = healthCheck?.SkipWhile(word => word != "CMD").Skip(1).ToArray();
        if (command is null || command.Length == 0 || !command.Any(word => word.EndsWith(livenessPath, StringComparison.Ordinal)))
        {
            problems.Add($"no HEALTHCHECK … CMD against {livenessPath}");
        }
        else if (!installed.Contains(command[0]))
        {
            problems.Add($"the HEALTHCHECK runs {command[0]}, which the final stage does not install");
        }

        var exposed = final.Where(i => i.Keyword == "EXPOSE").SelectMany(i => i.Words).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(ports.Where(port => !exposed.Contains(port)).Select(port => $"port {port} is not EXPOSEd"));
        problems.AddRange(packages.Where(package => !installed.Contains(package)).Select(package => $"package {package} is not installed"));
        var dll = ProjectGraph.AssemblyName(project) + ".dll";
        if (!final.Any(i => i.Keyword == "ENTRYPOINT" && i.Arguments.Contains($"\"{dll}\"", StringComparison.Ordinal)))
        {
            problems.Add($"the ENTRYPOINT does not start {dll}");
        }

        return problems;
    }

    private static void CheckCopies(IReadOnlyList<DockerInstruction> instructions, string project, List<string> problems)
    {
        var sources = instructions.Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(i => i.Words.Where(word => !word.StartsWith("--", StringComparison.Ordinal)).SkipLast(1))
            .ToArray();
        foreach (var source in sources.Where(source => source.IndexOfAny(['*', '?', '[']) < 0))
        {
            if (!File.Exists(RepositoryFiles.PathOf(source)) && !Directory.Exists(RepositoryFiles.PathOf(source)))
            {
                problems.Add($"COPY {source}: no such file or folder in the repository");
            }
        }

        var closure = ProjectGraph.Closure(project);
        var projectFiles = sources.Where(source => source.EndsWith(".csproj", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(closure.Except(projectFiles).Select(missing => $"{missing} (referenced by {project}) is not copied before the restore"));
        problems.AddRange(projectFiles.Except(closure).Select(extra => $"{extra} is copied but {project} does not reference it"));
        var folders = sources.Select(source => source.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(closure.Select(file => file[..file.LastIndexOf('/')]).Where(folder => !folders.Contains(folder))
            .Select(folder => $"the project folder {folder}/ is not copied"));
        foreach (var file in (string[])["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"])
        {
            if (File.Exists(RepositoryFiles.PathOf(file)) && !sources.Contains(file))
            {
                problems.Add($"{file} is not copied (central versions and build rules)");
            }
        }
    }
}
