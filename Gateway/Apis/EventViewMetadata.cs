namespace VibeCoder.Gateway.Apis;

/// <summary>The metadata of an <see cref="EventView"/>.</summary>
/// <param name="CorrelationId">Shared by everything one user action caused.</param>
/// <param name="CausationId">The event whose handling published this one, if any.</param>
/// <param name="UserId">The user the flow acted for, if any.</param>
public sealed record EventViewMetadata(string CorrelationId, string? CausationId, string? UserId);
