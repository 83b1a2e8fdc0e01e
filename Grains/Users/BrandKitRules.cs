using System.Globalization;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Grains.Users;

/// <summary>What a stored brand kit must satisfy, and how two kits differ (for the <c>brand.updated</c> event).</summary>
internal static class BrandKitRules
{
    /// <summary>Throws when the kit could not be drawn or stored as it is.</summary>
    /// <exception cref="ArgumentException">The message names the field.</exception>
    public static void Validate(BrandKit kit)
    {
        Text(kit.DisplayName, BrandKit.MaxDisplayNameLength, "display name");
        Text(kit.Handle, BrandKit.MaxHandleLength, "handle");
        Colour(kit.PrimaryColor, "Primary");
        Colour(kit.AccentColor, "Accent");
        Colour(kit.BackgroundColor, "Background");
        Font(kit.HeadingFont, "heading font");
        Font(kit.BodyFont, "body font");
        if (kit.LogoHash is { } hash && !IsHash(hash))
        {
            throw new ArgumentException("The logo must be named by the lower-case SHA-256 hex of its PNG.", nameof(kit));
        }
    }

    /// <summary>The camelCase names of the fields that differ.</summary>
    public static IReadOnlyList<string> ChangedFields(BrandKit before, BrandKit after)
    {
        var changed = new List<string>();
        Add(before.DisplayName != after.DisplayName, "displayName");
        Add(before.Handle != after.Handle, "handle");
        Add(before.LogoHash != after.LogoHash, "logoHash");
        Add(before.PrimaryColor != after.PrimaryColor, "primaryColor");
        Add(before.AccentColor != after.AccentColor, "accentColor");
        Add(before.BackgroundColor != after.BackgroundColor, "backgroundColor");
        Add(before.HeadingFont != after.HeadingFont, "headingFont");
        Add(before.BodyFont != after.BodyFont, "bodyFont");
        Add(before.ShowName != after.ShowName, "showName");
        Add(before.ShowHandle != after.ShowHandle, "showHandle");
        Add(before.ShowLogo != after.ShowLogo, "showLogo");
        Add(before.ShowPageNumbers != after.ShowPageNumbers, "showPageNumbers");
        return changed;

        void Add(bool differs, string name)
        {
            if (differs)
            {
                changed.Add(name);
            }
        }
    }

    /// <summary>True for 64 lower-case hex digits.</summary>
    public static bool IsHash(string text) => text.Length == 64 && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    private static void Text(string? text, int maxLength, string name)
    {
        if (text is not null && (text.Trim().Length == 0 || text.Length > maxLength || text.Any(char.IsControl)))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The {name} must be 1–{maxLength} characters on one line."), nameof(text));
        }
    }

    private static void Colour(string? hex, string name)
    {
        if (hex is not null)
        {
            RgbColor.ParseHex(hex, name);
        }
    }

    private static void Font(string? id, string name)
    {
        if (id is not null && !BrandFonts.TryGet(id, out _))
        {
            throw new ArgumentException(
                $"The {name} '{id[..Math.Min(id.Length, 32)]}' is not offered; choose one of {string.Join(", ", BrandFonts.Offered.Select(f => f.Id))}.",
                nameof(id));
        }
    }
}
