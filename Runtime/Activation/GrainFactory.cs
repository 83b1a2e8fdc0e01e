using System.Collections.Concurrent;
using VibeCoder.Runtime.Invocation;

namespace VibeCoder.Runtime.Activation;

/// <summary>The runtime's <see cref="IGrainFactory"/>: resolves interface → grain class → identity → proxy.</summary>
internal sealed class GrainFactory(GrainRuntime runtime) : IGrainFactory
{
    private readonly ConcurrentDictionary<Type, (GrainReferenceShared Shared, string TypeName, Func<GrainReferenceShared, GrainId, GrainReference> Create)> _interfaces = new();

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return (TGrainInterface)Create(typeof(TGrainInterface), key);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid key) where TGrainInterface : IGrainWithGuidKey =>
        (TGrainInterface)Create(typeof(TGrainInterface), key.ToString("D"));

    public TGrainInterface GetGrain<TGrainInterface>(long key) where TGrainInterface : IGrainWithIntegerKey =>
        (TGrainInterface)Create(typeof(TGrainInterface), key.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public IAddressable GetGrain(Type grainInterface, GrainId grainId)
    {
        ArgumentNullException.ThrowIfNull(grainInterface);
        var entry = Entry(grainInterface);
        return entry.Create(entry.Shared, grainId);
    }

    private IAddressable Create(Type grainInterface, string key)
    {
        var entry = Entry(grainInterface);
        return entry.Create(entry.Shared, new GrainId(entry.TypeName, key));
    }

    private (GrainReferenceShared Shared, string TypeName, Func<GrainReferenceShared, GrainId, GrainReference> Create) Entry(Type grainInterface) =>
        _interfaces.TryGetValue(grainInterface, out var entry)
            ? entry
            : _interfaces.GetOrAdd(grainInterface, static (type, rt) =>
                (new GrainReferenceShared(rt, type), rt.ClassForInterface(type).TypeName, GrainProxyRegistry.Get(type)), runtime);
}
