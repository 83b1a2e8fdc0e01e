namespace VibeCoder.Gateway.Apis;

/// <summary>A signed edit link as the API shows it.</summary>
/// <param name="Token">Send as <c>X-Edit-Token</c> with edits of this carousel.</param>
/// <param name="Url">The preview page opened in edit mode.</param>
/// <param name="ExpiresAt">When the token stops working.</param>
public sealed record EditLinkView(string Token, Uri Url, DateTimeOffset ExpiresAt);
