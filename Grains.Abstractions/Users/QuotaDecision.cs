using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Users;

/// <summary>Whether a carousel may start now.</summary>
/// <param name="Allowed">True when the job may run (its quota unit is reserved).</param>
/// <param name="Remaining">Carousels left in the current window after this one.</param>
/// <param name="NextAllowedAt">When the next one is possible, if refused.</param>
[GenerateSerializer, Immutable, Alias("vc.QuotaDecision")]
public sealed record QuotaDecision(bool Allowed, int Remaining, DateTimeOffset? NextAllowedAt);
