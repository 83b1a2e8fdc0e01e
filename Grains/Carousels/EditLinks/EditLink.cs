namespace VibeCoder.Grains.Carousels.EditLinks;

/// <summary>A signed link that lets whoever holds it edit one carousel on the preview page until it expires.</summary>
/// <param name="JobId">The carousel.</param>
/// <param name="Token">The token (sent as <c>X-Edit-Token</c> by the page); URL-safe.</param>
/// <param name="Url">The page address with the token in its fragment (browsers send no fragment to servers or in Referer).</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record EditLink(string JobId, string Token, Uri Url, DateTimeOffset ExpiresAt);
