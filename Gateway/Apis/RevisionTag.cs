using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace VibeCoder.Gateway.Apis;

/// <summary>
/// A carousel's revision as an HTTP entity tag: <c>GET /api/carousels/{id}</c> sends <c>ETag: "3"</c>, and an edit
/// sent with <c>If-Match: "3"</c> applies only while the carousel is still at revision 3 (412 otherwise), so two
/// editors cannot overwrite each other unseen.
/// </summary>
public static class RevisionTag
{
    /// <summary>The tag of <paramref name="revision"/>: <c>"3"</c>.</summary>
    public static string Format(int revision) => string.Create(CultureInfo.InvariantCulture, $"\"{revision}\"");

    /// <summary>
    /// Reads <c>If-Match</c>: absent or <c>*</c> gives null (no check); one tag, quoted or bare, weak or strong, gives
    /// its revision. False for anything else (several tags, not a revision).
    /// </summary>
    public static bool TryParseIfMatch(StringValues header, out int? revision)
    {
        revision = null;
        var text = header.ToString().Trim();
        if (text.Length == 0 || text == "*")
        {
            return true;
        }

        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1];
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            revision = value;
            return true;
        }

        return false;
    }
}
