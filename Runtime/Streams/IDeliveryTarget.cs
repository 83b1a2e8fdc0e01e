namespace VibeCoder.Runtime.Streams;

/// <summary>Who receives a subscription's items: an in-process observer or a grain.</summary>
internal interface IDeliveryTarget
{
    /// <summary>For logs and diagnostics.</summary>
    string Description { get; }

    /// <summary>Whether the target is a grain (deliveries are turns of its activation).</summary>
    bool IsGrain { get; }

    /// <summary>Delivers one item, with the item's request context restored around the handler.</summary>
    Task DeliverAsync(StreamEvent streamEvent);

    /// <summary>Tells the target an item was moved to the dead-letter list.</summary>
    Task OnGivenUpAsync(Exception exception);
}
