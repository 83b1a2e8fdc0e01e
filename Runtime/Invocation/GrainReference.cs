using VibeCoder.Runtime.Activation;

namespace VibeCoder.Runtime.Invocation;

/// <summary>
/// Base class of the generated grain proxies. A reference is an identity plus an interface: cheap to create,
/// equal to any other reference to the same grain through the same interface, serializable (see
/// <see cref="Serialization.GrainReferenceJsonConverterFactory"/>), and valid forever. Orleans: <c>GrainReference</c>.
/// </summary>
public abstract class GrainReference : IAddressable, IEquatable<GrainReference>
{
    private readonly GrainReferenceShared _shared;

    /// <summary>Used by generated proxies.</summary>
    protected GrainReference(GrainReferenceShared shared, GrainId grainId)
    {
        ArgumentNullException.ThrowIfNull(shared);
        _shared = shared;
        GrainId = grainId;
    }

    /// <summary>The grain's identity.</summary>
    public GrainId GrainId { get; }

    /// <summary>The grain interface this reference calls through.</summary>
    public Type InterfaceType => _shared.InterfaceType;

    /// <summary>
    /// The activation last used, so repeated calls skip the directory. A stale value is harmless: a
    /// deactivated activation forwards what reaches it.
    /// </summary>
    internal ActivationData? CachedActivation { get; set; }

    internal GrainRuntime Runtime => _shared.Runtime;

    /// <summary>Sends a request and returns the caller's task; used by generated proxies.</summary>
    protected Task<TResult> InvokeAsync<TResult>(GrainRequest<TResult> request) => _shared.Runtime.SendAsync(this, request);

    /// <inheritdoc />
    public bool Equals(GrainReference? other) =>
        other is not null && GrainId.Equals(other.GrainId) && InterfaceType == other.InterfaceType;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(GrainId, InterfaceType);

    /// <inheritdoc />
    public override string ToString() => $"{InterfaceType.Name}:{GrainId}";
}
