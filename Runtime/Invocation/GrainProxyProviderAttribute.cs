namespace VibeCoder.Runtime.Invocation;

/// <summary>Emitted by the code generator on each assembly with grain interfaces: names its proxy provider.</summary>
/// <param name="providerType">A type implementing <see cref="IGrainProxyProvider"/> with a parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class GrainProxyProviderAttribute(Type providerType) : Attribute
{
    /// <summary>The provider type.</summary>
    public Type ProviderType { get; } = providerType;
}
