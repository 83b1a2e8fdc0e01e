using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VibeCoder.Cluster.Tests.Compose;

/// <summary>Reads a Grafana dashboard's PromQL queries and says which series the hosts do not export.</summary>
internal static partial class DashboardChecks
{
    /// <summary>Every <c>expr</c> of the dashboard, wherever it sits (panels, rows, nested panels).</summary>
    public static IReadOnlyList<string> Queries(JsonNode dashboard)
    {
        var queries = new List<string>();
        Collect(dashboard, queries);
        return queries;
    }

    /// <summary>
    /// Queried product (<c>vibecoder_*</c>) and Orleans (<c>orleans_*</c>) series whose instrument is not exported, and
    /// product instruments no query shows; empty when the dashboard is honest.
    /// </summary>
    public static IReadOnlyList<string> Problems(JsonNode dashboard, IReadOnlySet<string> product, IReadOnlySet<string> orleans)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(dashboard["uid"]?.ToString()) || string.IsNullOrWhiteSpace(dashboard["title"]?.ToString()))
        {
            problems.Add("the dashboard needs a uid and a title");
        }

        var queries = Queries(dashboard);
        if (queries.Count == 0)
        {
            problems.Add("the dashboard has no queries");
        }

        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var series in queries.SelectMany(query => Series().Matches(query)).Select(match => match.Value).Distinct())
        {
            var instrument = ExportedInstruments.InstrumentOf(series);
            var known = series.StartsWith("vibecoder_", StringComparison.Ordinal) ? product : orleans;
            if (known.Contains(instrument))
            {
                shown.Add(instrument);
            }
            else
            {
                problems.Add($"{series}: no exported instrument {instrument}");
            }
        }

        problems.AddRange(product.Where(instrument => !shown.Contains(instrument)).Select(instrument => $"no panel shows {instrument}"));
        return problems;
    }

    private static void Collect(JsonNode? node, List<string> queries)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var (key, value) in map)
                {
                    if (key == "expr" && value is JsonValue expr)
                    {
                        queries.Add(expr.ToString());
                    }
                    else
                    {
                        Collect(value, queries);
                    }
                }

                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    Collect(item, queries);
                }

                break;
        }
    }

    [GeneratedRegex(@"\b(?:vibecoder|orleans)_[a-z0-9_]+\b")]
    private static partial Regex Series();
}
