using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using System.Text.RegularExpressions;

namespace VibeCoder.Cluster.Tests.Compose;

/// <summary>
/// The metric instruments the hosts export on <c>/metrics</c>, as Prometheus base names (dots and dashes become
/// underscores; the exporter then adds a unit suffix, <c>_total</c> for counters, <c>_bucket</c>/<c>_sum</c>/<c>_count</c>
/// for histograms): the product's, read from the <c>Create…&lt;T&gt;("name")</c> calls in the hosts' sources, and
/// Orleans', read from the string constants of the Orleans assemblies beside the built silo, less those the silo's
/// <c>TelemetryNames</c> leaves out.
/// </summary>
internal static partial class ExportedInstruments
{
    private static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count"];
    private static readonly string[] UnitSuffixes = ["_milliseconds", "_seconds", "_megabytes", "_bytes"];

    /// <summary>The product's instruments, found in the sources of <paramref name="projectFolders"/>.</summary>
    public static IReadOnlySet<string> Product(IEnumerable<string> projectFolders)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in projectFolders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
                     .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            var constants = StringConstant().Matches(source).ToDictionary(match => match.Groups["name"].Value, match => match.Groups["value"].Value);
            foreach (Match call in InstrumentCreation().Matches(source))
            {
                var name = call.Groups["literal"].Success
                    ? call.Groups["literal"].Value
                    : constants.GetValueOrDefault(call.Groups["constant"].Value)
                      ?? throw new InvalidOperationException($"{file}: the instrument name {call.Groups["constant"].Value} is not a constant of the file.");
                names.Add(PrometheusBase(name));
            }
        }

        return names;
    }

    /// <summary>Orleans' instruments that the silo in <paramref name="siloFolder"/> exports.</summary>
    public static IReadOnlySet<string> Orleans(string siloFolder)
    {
        var instruments = Directory.EnumerateFiles(siloFolder, "Orleans.*.dll")
            .SelectMany(StringConstants)
            .Where(value => value.StartsWith("orleans-", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        // The silo's own rule, loaded from its assembly (no copy of it here) in a context of its own, then unloaded.
        var context = new AssemblyLoadContext("telemetry-names", isCollectible: true);
        try
        {
            var telemetryNames = context.LoadFromAssemblyPath(Path.Combine(siloFolder, "VibeCoder.Silo.dll"))
                .GetType("VibeCoder.Silo.Diagnostics.TelemetryNames", throwOnError: true)!;
            var dropped = (IReadOnlySet<string>)telemetryNames.GetProperty("DroppedOrleansInstruments", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            var perMessage = telemetryNames.GetMethod("IsPerMessageOrleansInstrument", BindingFlags.Public | BindingFlags.Static)!;
            return instruments
                .Where(name => !dropped.Contains(name) && !(bool)perMessage.Invoke(null, [name])!)
                .Select(PrometheusBase)
                .ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>An instrument's name as the Prometheus exporter writes it, before suffixes.</summary>
    public static string PrometheusBase(string instrument) => instrument.Replace('.', '_').Replace('-', '_');

    /// <summary>The instrument a Prometheus series name comes from: its histogram, counter and unit suffixes removed.</summary>
    public static string InstrumentOf(string series)
    {
        var name = StripOne(series, HistogramSuffixes);
        name = StripOne(name, ["_total"]);
        return StripOne(name, UnitSuffixes);
    }

    private static string StripOne(string name, string[] suffixes)
    {
        var suffix = suffixes.FirstOrDefault(candidate => name.EndsWith(candidate, StringComparison.Ordinal));
        return suffix is null ? name : name[..^suffix.Length];
    }

    // String constants of an assembly's fields (Orleans keeps its instrument names as constants of InstrumentNames).
    private static IEnumerable<string> StringConstants(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            return [];
        }

        var metadata = pe.GetMetadataReader();
        var values = new List<string>();
        foreach (var handle in metadata.FieldDefinitions)
        {
            var constantHandle = metadata.GetFieldDefinition(handle).GetDefaultValue();
            if (constantHandle.IsNil)
            {
                continue;
            }

            var constant = metadata.GetConstant(constantHandle);
            if (constant.TypeCode == ConstantTypeCode.String)
            {
                var blob = metadata.GetBlobReader(constant.Value);
                values.Add(blob.ReadUTF16(blob.Length));
            }
        }

        return values;
    }

    [GeneratedRegex(@"\.Create(?:Counter|Histogram|UpDownCounter|Gauge|ObservableCounter|ObservableGauge|ObservableUpDownCounter)<[^>]+>\(\s*(?:""(?<literal>[^""]+)""|(?<constant>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex InstrumentCreation();

    [GeneratedRegex(@"const\s+string\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*""(?<value>[^""]*)""")]
    private static partial Regex StringConstant();
}
