namespace VibeCoder.Runtime.Streams;

/// <summary>A grain class implicitly subscribed to a namespace.</summary>
/// <param name="GrainType">The grain type name; the grain's key is the stream's key.</param>
/// <param name="ItemType">The item type of its <see cref="IAsyncObserver{T}"/>.</param>
/// <param name="CreateTarget">Makes the delivery target for a grain of this class.</param>
internal sealed record ImplicitSubscriber(string GrainType, Type ItemType, Func<StreamProvider, GrainId, IDeliveryTarget> CreateTarget)
{
    /// <summary>The checkpoint's subscriber name.</summary>
    public string Subscriber { get; } = SubscriberNames.Implicit(GrainType);
}
