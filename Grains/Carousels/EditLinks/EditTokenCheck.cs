namespace VibeCoder.Grains.Carousels.EditLinks;

/// <summary>The verdict on an edit token.</summary>
/// <param name="Status">What the token is.</param>
/// <param name="UserId">The user the link was given to (genuine tokens only; null for anonymous creators).</param>
/// <param name="ExpiresAt">When the token expires (genuine tokens only).</param>
public sealed record EditTokenCheck(EditTokenStatus Status, string? UserId = null, DateTimeOffset? ExpiresAt = null)
{
    /// <summary>True when the token allows editing.</summary>
    public bool IsValid => Status == EditTokenStatus.Valid;
}
