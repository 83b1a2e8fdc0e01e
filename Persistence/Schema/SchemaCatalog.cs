using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace VibeCoder.Persistence.Schema;

/// <summary>
/// The SQL this library embeds for a dialect: the numbered schema scripts (<c>Scripts/&lt;dialect&gt;/NNN_name.sql</c>)
/// and the named queries Orleans runs (<c>Scripts/&lt;dialect&gt;/queries/&lt;QueryKey&gt;.sql</c>).
/// </summary>
internal sealed partial class SchemaCatalog
{
    private SchemaCatalog(IReadOnlyList<SchemaScript> scripts, IReadOnlyDictionary<string, string> queries)
    {
        Scripts = scripts;
        Queries = queries;
    }

    /// <summary>The schema scripts in number order.</summary>
    public IReadOnlyList<SchemaScript> Scripts { get; }

    /// <summary>The query texts by Orleans query key.</summary>
    public IReadOnlyDictionary<string, string> Queries { get; }

    /// <summary>The number of the newest script: the schema version this build expects.</summary>
    public int Version => Scripts[^1].Number;

    public static SchemaCatalog For(DatabaseKind kind)
    {
        var folder = kind switch
        {
            DatabaseKind.Postgres => "postgres/",
            DatabaseKind.Sqlite => "sqlite/",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        var assembly = typeof(SchemaCatalog).Assembly;
        var scripts = new List<SchemaScript>();
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            // The logical name is the path under Scripts/, with the build machine's separator.
            var resource = name.Replace('\\', '/');
            if (!resource.StartsWith(folder, StringComparison.Ordinal))
            {
                continue;
            }

            var relative = resource[folder.Length..];
            if (relative.StartsWith("queries/", StringComparison.Ordinal))
            {
                queries.Add(Path.GetFileNameWithoutExtension(relative), Read(assembly, name));
                continue;
            }

            var match = ScriptName().Match(relative);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Embedded script '{resource}' is not named NNN_name.sql.");
            }

            scripts.Add(new SchemaScript(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, Read(assembly, name)));
        }

        scripts.Sort(static (a, b) => a.Number.CompareTo(b.Number));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Number != i + 1)
            {
                throw new InvalidOperationException($"The {folder} scripts must be numbered 1, 2, 3, … without gaps; found {scripts[i].Number} at position {i + 1}.");
            }
        }

        return new SchemaCatalog(scripts, queries);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(\d{3})_([a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptName();
}
