namespace VibeCoder.Runtime.Diagnostics;

/// <summary>A page of the live activations of one grain type.</summary>
/// <param name="GrainType">The grain type name.</param>
/// <param name="Total">How many activations of the type are live.</param>
/// <param name="Offset">Where the page starts.</param>
/// <param name="Grains">The page, ordered by key.</param>
public sealed record ActiveGrainsPage(string GrainType, int Total, int Offset, IReadOnlyList<ActiveGrain> Grains);
