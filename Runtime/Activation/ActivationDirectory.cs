using System.Collections.Concurrent;

namespace VibeCoder.Runtime.Activation;

/// <summary>
/// The silo's map from grain identity to its single activation. <c>GetOrAdd</c> may construct a spare
/// <see cref="ActivationData"/> when callers race, but only the one stored is ever scheduled, and no grain object
/// exists until the stored activation's first turn — so there is exactly one activation per identity.
/// </summary>
internal sealed class ActivationDirectory
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();

    public int Count => _activations.Count;

    public ActivationData GetOrCreate(GrainRuntime runtime, GrainId grainId, GrainClassInfo classInfo) =>
        _activations.TryGetValue(grainId, out var existing)
            ? existing
            : _activations.GetOrAdd(grainId, static (id, args) => new ActivationData(args.runtime, id, args.classInfo), (runtime, classInfo));

    public bool TryGet(GrainId grainId, out ActivationData? activation) => _activations.TryGetValue(grainId, out activation);

    /// <summary>Removes exactly this activation (not a newer one with the same identity).</summary>
    public void Remove(ActivationData activation) =>
        _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));

    public IEnumerable<ActivationData> All => _activations.Values;
}
