namespace VibeCoder.Runtime.Invocation;

/// <summary>Where generated code registers the proxy of each grain interface.</summary>
public interface IGrainProxyRegistry
{
    /// <summary>Registers the proxy constructor for <paramref name="grainInterface"/>.</summary>
    void Add(Type grainInterface, Func<GrainReferenceShared, GrainId, GrainReference> createProxy);
}
