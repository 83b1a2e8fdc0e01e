namespace VibeCoder.Runtime.Streams;

/// <summary>
/// Implemented by stream items that carry their own ambient context (a domain event envelope carries its correlation
/// id): the values are put into <see cref="RequestContext"/> around each delivery of the item, over the publisher's
/// context stored with it, so grain calls the handler makes carry them on.
/// </summary>
public interface IStreamItemContext
{
    /// <summary>The request-context values to restore while the item is handled.</summary>
    IEnumerable<KeyValuePair<string, string>> GetDeliveryContext();
}
