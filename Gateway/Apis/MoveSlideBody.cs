namespace VibeCoder.Gateway.Apis;

/// <summary>The body of <c>POST /api/carousels/{id}/slides/{n}/move</c>: the 1-based position the slide moves to.</summary>
public sealed record MoveSlideBody(int? To);
