namespace VibeCoder.Runtime.Invocation;

/// <summary>What all references of one interface in one runtime share; handed to generated proxies.</summary>
public sealed class GrainReferenceShared
{
    internal GrainReferenceShared(GrainRuntime runtime, Type interfaceType)
    {
        Runtime = runtime;
        InterfaceType = interfaceType;
    }

    internal GrainRuntime Runtime { get; }

    internal Type InterfaceType { get; }
}
