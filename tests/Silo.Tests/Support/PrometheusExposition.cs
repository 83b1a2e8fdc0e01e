using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VibeCoder.Silo.Tests.Support;

/// <summary>
/// A strict parser of the Prometheus text format 0.0.4, written from the format's specification: it throws
/// <see cref="FormatException"/> (with the line number) on anything a Prometheus server would reject or that the
/// format forbids — bad names, bad escapes, unparsable values, samples before their TYPE, duplicate HELP/TYPE or
/// series, sample names that do not belong to their family, histograms without a +Inf bucket, non-cumulative
/// buckets or a +Inf bucket that differs from _count, counters not named *_total.
/// </summary>
public sealed partial class PrometheusExposition
{
    private static readonly HashSet<string> Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    private PrometheusExposition(IReadOnlyDictionary<string, Family> families) => Families = families;

    public IReadOnlyDictionary<string, Family> Families { get; }

    public static PrometheusExposition Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("The exposition must end with a line feed.");
        }

        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        var seenSeries = new HashSet<string>(StringComparer.Ordinal);
        Family? current = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var comment = CommentLine().Match(line);
                if (!comment.Success)
                {
                    if (line.StartsWith("# HELP", StringComparison.Ordinal) || line.StartsWith("# TYPE", StringComparison.Ordinal))
                    {
                        throw new FormatException($"line {number}: malformed {line[2..6]} line: {line}");
                    }

                    continue; // other comments are allowed
                }

                var name = comment.Groups["name"].Value;
                var family = families.TryGetValue(name, out var existing) ? existing : families[name] = new Family(name);
                if (comment.Groups["kind"].Value == "HELP")
                {
                    if (family.Help is not null)
                    {
                        throw new FormatException($"line {number}: second HELP for {name}");
                    }

                    family.Help = Unescape(comment.Groups["rest"].Value, number, allowQuote: false);
                }
                else
                {
                    var type = comment.Groups["rest"].Value;
                    if (family.Type is not null || family.Samples.Count > 0)
                    {
                        throw new FormatException($"line {number}: TYPE for {name} after its samples or a second time");
                    }

                    if (!Types.Contains(type))
                    {
                        throw new FormatException($"line {number}: unknown type '{type}'");
                    }

                    family.Type = type;
                }

                current = family;
                continue;
            }

            var sample = ParseSample(line, number);
            var owner = current is not null && Belongs(sample.Name, current)
                ? current
                : throw new FormatException($"line {number}: sample {sample.Name} is not part of the family declared above it ({current?.Name ?? "none"})");
            if (owner.Type is null)
            {
                throw new FormatException($"line {number}: sample of {owner.Name} before its TYPE");
            }

            var seriesKey = sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}";
            if (!seenSeries.Add(seriesKey))
            {
                throw new FormatException($"line {number}: duplicate series {seriesKey}");
            }

            owner.Samples.Add(sample);
        }

        foreach (var family in families.Values)
        {
            Validate(family);
        }

        return new PrometheusExposition(families);
    }

    private static bool Belongs(string sampleName, Family family) => family.Type switch
    {
        "histogram" => sampleName == family.Name + "_bucket" || sampleName == family.Name + "_sum" || sampleName == family.Name + "_count",
        "summary" => sampleName == family.Name || sampleName == family.Name + "_sum" || sampleName == family.Name + "_count",
        _ => sampleName == family.Name,
    };

    private static void Validate(Family family)
    {
        if (family.Type == "counter" && !family.Name.EndsWith("_total", StringComparison.Ordinal))
        {
            throw new FormatException($"counter {family.Name} is not named *_total");
        }

        if (family.Type == "counter" && family.Samples.Any(s => s.Value < 0 || double.IsNaN(s.Value)))
        {
            throw new FormatException($"counter {family.Name} has a negative or NaN value");
        }

        if (family.Type != "histogram")
        {
            return;
        }

        foreach (var series in family.Samples.GroupBy(s => SeriesIdentity(s.Labels)))
        {
            var buckets = series.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToArray();
            var count = series.SingleOrDefault(s => s.Name.EndsWith("_count", StringComparison.Ordinal))
                ?? throw new FormatException($"histogram {family.Name}{{{series.Key}}} has no _count");
            _ = series.SingleOrDefault(s => s.Name.EndsWith("_sum", StringComparison.Ordinal))
                ?? throw new FormatException($"histogram {family.Name}{{{series.Key}}} has no _sum");
            double previousBound = double.NegativeInfinity, previousCount = 0;
            foreach (var bucket in buckets)
            {
                var le = bucket.Labels.TryGetValue("le", out var text)
                    ? ParseValue(text, 0)
                    : throw new FormatException($"bucket of {family.Name} without le");
                if (le <= previousBound || bucket.Value < previousCount)
                {
                    throw new FormatException($"histogram {family.Name}{{{series.Key}}}: buckets not ascending or not cumulative at le={text}");
                }

                previousBound = le;
                previousCount = bucket.Value;
            }

            if (buckets.Length == 0 || !double.IsPositiveInfinity(previousBound))
            {
                throw new FormatException($"histogram {family.Name}{{{series.Key}}} has no +Inf bucket");
            }

            if (previousCount != count.Value)
            {
                throw new FormatException($"histogram {family.Name}{{{series.Key}}}: +Inf bucket {previousCount} differs from _count {count.Value}");
            }
        }
    }

    private static string SeriesIdentity(IReadOnlyDictionary<string, string> labels) =>
        string.Join(",", labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value));

    private static Sample ParseSample(string line, int number)
    {
        var nameMatch = MetricName().Match(line);
        if (!nameMatch.Success)
        {
            throw new FormatException($"line {number}: no valid metric name: {line}");
        }

        var name = nameMatch.Value;
        var position = name.Length;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position++;
            while (true)
            {
                if (line[position] == '}')
                {
                    position++;
                    break;
                }

                var labelMatch = LabelName().Match(line, position);
                if (!labelMatch.Success || labelMatch.Index != position)
                {
                    throw new FormatException($"line {number}: bad label name at {position}: {line}");
                }

                position += labelMatch.Length;
                if (line[position] != '=' || line[position + 1] != '"')
                {
                    throw new FormatException($"line {number}: expected =\" after label {labelMatch.Value}");
                }

                position += 2;
                var value = new StringBuilder();
                while (line[position] != '"')
                {
                    if (line[position] == '\\')
                    {
                        value.Append(line[position + 1] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            var other => throw new FormatException($"line {number}: invalid escape \\{other}"),
                        });
                        position += 2;
                    }
                    else
                    {
                        value.Append(line[position++]);
                    }
                }

                position++;
                if (!labels.TryAdd(labelMatch.Value, value.ToString()))
                {
                    throw new FormatException($"line {number}: label {labelMatch.Value} twice");
                }

                if (line[position] == ',')
                {
                    position++;
                }
                else if (line[position] != '}')
                {
                    throw new FormatException($"line {number}: expected , or }} at {position}");
                }
            }
        }

        if (position >= line.Length || line[position] != ' ')
        {
            throw new FormatException($"line {number}: expected a space before the value: {line}");
        }

        var parts = line[(position + 1)..].Split(' ');
        if (parts.Length is < 1 or > 2 || (parts.Length == 2 && !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException($"line {number}: expected a value and an optional integer timestamp: {line}");
        }

        return new Sample(name, labels, ParseValue(parts[0], number));
    }

    private static double ParseValue(string text, int number) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ when FloatValue().IsMatch(text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => throw new FormatException($"line {number}: '{text}' is not a valid sample value"),
    };

    private static string Unescape(string text, int number, bool allowQuote)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }

            i++;
            result.Append(i < text.Length ? text[i] switch
            {
                '\\' => '\\',
                'n' => '\n',
                '"' when allowQuote => '"',
                var other => throw new FormatException($"line {number}: invalid escape \\{other} in HELP"),
            } : throw new FormatException($"line {number}: dangling backslash in HELP"));
        }

        return result.ToString();
    }

    [GeneratedRegex(@"^# (?<kind>HELP|TYPE) (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<rest>.*)$")]
    private static partial Regex CommentLine();

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"[a-zA-Z_][a-zA-Z0-9_]*")]
    private static partial Regex LabelName();

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex FloatValue();

    public sealed class Family(string name)
    {
        public string Name { get; } = name;

        public string? Help { get; set; }

        public string? Type { get; set; }

        public List<Sample> Samples { get; } = [];
    }

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
