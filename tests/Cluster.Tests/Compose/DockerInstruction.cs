namespace VibeCoder.Cluster.Tests.Compose;

/// <summary>One instruction of a Dockerfile: its keyword (upper case) and its arguments, continuation lines joined.</summary>
/// <param name="Keyword">FROM, COPY, RUN, …</param>
/// <param name="Arguments">Everything after the keyword.</param>
internal sealed record DockerInstruction(string Keyword, string Arguments)
{
    /// <summary>The instructions of a Dockerfile, comments and parser directives left out.</summary>
    public static IReadOnlyList<DockerInstruction> Parse(string dockerfile)
    {
        var instructions = new List<DockerInstruction>();
        var pending = "";
        foreach (var raw in dockerfile.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var text = (pending + line).Trim();
            pending = "";
            if (text.Length > 0)
            {
                var space = text.IndexOf(' ', StringComparison.Ordinal);
                instructions.Add(space < 0
                    ? new DockerInstruction(text.ToUpperInvariant(), "")
                    : new DockerInstruction(text[..space].ToUpperInvariant(), text[(space + 1)..].Trim()));
            }
        }

        return instructions;
    }

    /// <summary>The arguments split on white space.</summary>
    public IReadOnlyList<string> Words => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
