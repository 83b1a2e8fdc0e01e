namespace VibeCoder.Gateway.Apis;

/// <summary>The body of <c>PATCH /api/carousels/{id}/slides/{n}</c>: the new words; a part left out (null) stays.</summary>
public sealed record EditSlideBody(string? Heading, string? Body);
