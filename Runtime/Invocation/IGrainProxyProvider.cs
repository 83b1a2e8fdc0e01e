namespace VibeCoder.Runtime.Invocation;

/// <summary>Implemented by generated code: registers the proxies of one assembly's grain interfaces.</summary>
public interface IGrainProxyProvider
{
    /// <summary>Registers every proxy the assembly defines.</summary>
    void Register(IGrainProxyRegistry registry);
}
