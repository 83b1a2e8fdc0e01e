namespace VibeCoder.Gateway.Apis;

/// <summary>The 202 answer to <c>POST /api/carousels</c>.</summary>
public sealed record CarouselAccepted(string Id, string Status);
