using System.Collections.Immutable;

namespace VibeCoder.Runtime.Streams;

/// <summary>The <see cref="RequestContext"/> a delivery runs with: the publisher's, then what the item itself carries.</summary>
internal static class DeliveryContext
{
    public static ImmutableDictionary<string, string>? For(ImmutableDictionary<string, string>? headers, object? item)
    {
        var context = headers;
        if (context is not null && context.ContainsKey(StreamTelemetry.TraceParentHeader))
        {
            context = context.Remove(StreamTelemetry.TraceParentHeader);
        }

        if (item is IStreamItemContext carrier)
        {
            context = (context ?? ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal))
                .SetItems(carrier.GetDeliveryContext());
        }

        return context is { IsEmpty: true } ? null : context;
    }
}
