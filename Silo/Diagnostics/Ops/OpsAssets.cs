using System.Reflection;

namespace VibeCoder.Silo.Diagnostics.Ops;

/// <summary>The ops page's HTML, script and style, embedded in the assembly (no CDN, no build step).</summary>
internal static class OpsAssets
{
    /// <summary>What the page may load: itself only; text from the server is set as text, never as markup.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static byte[] Page { get; } = Load("ops.html");

    public static byte[] Script { get; } = Load("ops.js");

    public static byte[] Style { get; } = Load("ops.css");

    private static byte[] Load(string name)
    {
        using var stream = typeof(OpsAssets).Assembly.GetManifestResourceStream("VibeCoder.Silo.Ops." + name)
            ?? throw new InvalidOperationException($"The embedded asset {name} is missing from {typeof(OpsAssets).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
