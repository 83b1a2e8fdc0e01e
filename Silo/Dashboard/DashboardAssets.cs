using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace VibeCoder.Silo.Dashboard;

/// <summary>
/// The page, its script and its style sheet, embedded in this assembly so every host that references it (the
/// silo, the gateway co-hosting one) serves the same files without a web root of its own.
/// </summary>
internal static class DashboardAssets
{
    private const string Prefix = "VibeCoder.Silo.Dashboard.Assets.";

    private static readonly FrozenDictionary<string, Asset> Assets = Load();

    public static Asset? Find(string name) => Assets.GetValueOrDefault(name);

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(n => n[Prefix.Length..], n => Read(assembly, n), StringComparer.Ordinal);
    }

    private static Asset Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var contentType = Path.GetExtension(resource) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        return new Asset(bytes, contentType, "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"");
    }

    /// <summary>An embedded file with its content type and entity tag.</summary>
    internal sealed record Asset(byte[] Content, string ContentType, string ETag);
}
