namespace VibeCoder.Grains.Workflows;

/// <summary>
/// A claim on a step with effects outside the cluster (the delivery to Telegram), written before the step starts and
/// cleared with its outcome. While the cluster recovers from a lost silo, Orleans can briefly run a second activation
/// of a workflow; the lease tells that one to wait instead of sending the album a second time.
/// </summary>
/// <param name="Silo">The holder's silo (<c>SiloAddress.ToParsableString()</c>, generation included).</param>
/// <param name="Activation">The holder's activation id.</param>
/// <param name="Until">When the claim lapses even if the holder never answers (the step's timeout and a margin).</param>
public sealed record StepLease(string Silo, string Activation, DateTimeOffset Until);
