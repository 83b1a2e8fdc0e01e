namespace VibeCoder.Rendering.Themes;

/// <summary>One font a brand kit may choose.</summary>
/// <param name="Id">The stable id stored in brand kits, e.g. "serif".</param>
/// <param name="DisplayName">The family's name as users see it, e.g. "DejaVu Serif".</param>
/// <param name="Families">The family list (fallback order) the renderer draws with.</param>
public sealed record BrandFont(string Id, string DisplayName, string Families);
