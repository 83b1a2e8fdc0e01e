namespace VibeCoder.Runtime;

/// <summary>
/// Gives references to grains. A reference is cheap, equatable, serializable and valid forever: the grain is
/// activated on the first call through it. Orleans: <c>IGrainFactory</c>.
/// </summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain of interface <typeparamref name="TGrainInterface"/> with a string key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;

    /// <summary>A reference to the grain of interface <typeparamref name="TGrainInterface"/> with a Guid key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Guid key) where TGrainInterface : IGrainWithGuidKey;

    /// <summary>A reference to the grain of interface <typeparamref name="TGrainInterface"/> with an integer key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long key) where TGrainInterface : IGrainWithIntegerKey;

    /// <summary>A reference of the given grain interface type to the grain with the given identity.</summary>
    IAddressable GetGrain(Type grainInterface, GrainId grainId);
}
