namespace VibeCoder.Runtime.Streams;

/// <summary>
/// Subscribes a grain class to every stream of a namespace, on every stream provider of the silo: each item of stream
/// <c>namespace/key</c> is delivered to the grain of this class whose key is <c>key</c>, activating it. The class must
/// implement <see cref="IAsyncObserver{T}"/> for exactly one item type. Each (stream, grain class) pair keeps its own
/// checkpoint; a new pair starts at the beginning of the retained stream. Orleans: <c>ImplicitStreamSubscription</c>.
/// </summary>
/// <param name="namespace">The stream namespace.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ImplicitStreamSubscriptionAttribute(string @namespace) : Attribute
{
    /// <summary>The stream namespace the grain class listens to.</summary>
    public string Namespace { get; } = @namespace;
}
