using System.Globalization;
using System.Text;

namespace VibeCoder.Silo.Metrics;

/// <summary>Writes metric families in the Prometheus text exposition format, version 0.0.4.</summary>
internal static class PrometheusTextFormatter
{
    /// <summary>The response content type of the format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Format(IReadOnlyList<MetricFamily> families)
    {
        var text = new StringBuilder(16 * 1024);
        foreach (var family in families)
        {
            if (family.Series.Count == 0)
            {
                continue;
            }

            text.Append("# HELP ").Append(family.Name).Append(' ').Append(PrometheusNames.EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(' ').Append(TypeWord(family.Kind)).Append('\n');
            foreach (var series in family.Series)
            {
                if (family.Kind == MetricKind.Histogram)
                {
                    WriteHistogram(text, family, series);
                }
                else
                {
                    WriteSample(text, family.Name, series.Labels, null, series.Value);
                }
            }
        }

        return text.ToString();
    }

    private static void WriteHistogram(StringBuilder text, MetricFamily family, MetricSeries series)
    {
        var bounds = family.Bounds ?? [];
        for (var i = 0; i < bounds.Count; i++)
        {
            WriteSample(text, family.Name + "_bucket", series.Labels, Number(bounds[i]), series.BucketCounts![i]);
        }

        WriteSample(text, family.Name + "_bucket", series.Labels, "+Inf", series.Count);
        WriteSample(text, family.Name + "_sum", series.Labels, null, series.Sum);
        WriteSample(text, family.Name + "_count", series.Labels, null, series.Count);
    }

    private static void WriteSample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, labelValue) in labels)
            {
                if (!first)
                {
                    text.Append(',');
                }

                text.Append(key).Append("=\"").Append(PrometheusNames.EscapeLabelValue(labelValue)).Append('"');
                first = false;
            }

            if (le is not null)
            {
                text.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string TypeWord(MetricKind kind) => kind switch
    {
        MetricKind.Counter => "counter",
        MetricKind.Histogram => "histogram",
        _ => "gauge",
    };
}
