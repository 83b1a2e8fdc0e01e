using System.Text;

namespace VibeCoder.Silo.Metrics;

/// <summary>
/// Turns OpenTelemetry-style instrument names into Prometheus names, the way the OpenTelemetry Prometheus
/// exporter does: characters outside <c>[a-zA-Z0-9_:]</c> become underscores, the unit is appended as a word
/// (<c>ms</c> → <c>milliseconds</c>), and monotonic counters end in <c>_total</c>.
/// </summary>
internal static class PrometheusNames
{
    /// <summary>The family name of an instrument.</summary>
    public static string Metric(string instrumentName, string? unit, MetricKind kind)
    {
        var name = Sanitize(instrumentName, allowColon: true);
        var unitWord = UnitWord(unit);
        if (unitWord.Length > 0 && !name.EndsWith("_" + unitWord, StringComparison.Ordinal))
        {
            name += "_" + unitWord;
        }

        if (kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        return name;
    }

    /// <summary>A label name: like a metric name but without colons, never starting with a digit or "__".</summary>
    public static string Label(string tagName)
    {
        var name = Sanitize(tagName, allowColon: false);
        return name.StartsWith("__", StringComparison.Ordinal) ? "tag" + name : name;
    }

    /// <summary>A label value escaped for the text format (backslash, double quote, line feed).</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Help text escaped for the text format (backslash, line feed).</summary>
    public static string EscapeHelp(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string UnitWord(string? unit) => unit switch
    {
        null or "" or "1" => "",
        "ms" => "milliseconds",
        "s" => "seconds",
        "us" => "microseconds",
        "ns" => "nanoseconds",
        "By" => "bytes",
        "KiBy" => "kibibytes",
        "MiBy" => "mebibytes",
        _ when unit.StartsWith('{') => "", // annotations such as {call} are not units
        _ => Sanitize(unit, allowColon: false),
    };

    private static string Sanitize(string text, bool allowColon)
    {
        var builder = new StringBuilder(text.Length + 1);
        foreach (var c in text)
        {
            var valid = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' || (allowColon && c == ':');
            builder.Append(valid ? c : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
