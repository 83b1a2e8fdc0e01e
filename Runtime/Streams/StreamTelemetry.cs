using System.Collections.Immutable;
using System.Diagnostics;

namespace VibeCoder.Runtime.Streams;

/// <summary>
/// The ActivitySource <c>VibeCoder.Streams</c>: a producer span per publish and a consumer span per delivery attempt,
/// linked to the publisher's trace through the <c>traceparent</c> stored with the item. Costs nothing without listeners.
/// </summary>
internal static class StreamTelemetry
{
    public const string SourceName = "VibeCoder.Streams";

    /// <summary>The header under which the publisher's W3C trace parent is stored (never put into the request context).</summary>
    public const string TraceParentHeader = "traceparent";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>What is stored with each published item: the caller's request context and, when tracing, its trace parent.</summary>
    public static ImmutableDictionary<string, string>? CaptureHeaders()
    {
        var context = RequestContext.Export();
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } current)
        {
            context = (context ?? ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal))
                .SetItem(TraceParentHeader, current.Id!);
        }

        return context;
    }

    public static Activity? StartPublish(string provider, StreamId stream, int count)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity($"publish {stream.Namespace}", ActivityKind.Producer);
        activity?.SetTag("messaging.system", "vibecoder.streams");
        activity?.SetTag("messaging.destination.name", stream.ToString());
        activity?.SetTag("vibecoder.stream.provider", provider);
        activity?.SetTag("messaging.batch.message_count", count);
        return activity;
    }

    public static Activity? StartDelivery(string provider, StreamId stream, string subscriber, StreamEvent streamEvent, int attempt)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        ActivityLink[]? links = null;
        if (streamEvent.Headers?.TryGetValue(TraceParentHeader, out var parent) == true
            && ActivityContext.TryParse(parent, null, isRemote: true, out var parentContext))
        {
            links = [new ActivityLink(parentContext)];
        }

        var activity = Source.StartActivity($"deliver {stream.Namespace}", ActivityKind.Consumer, default(ActivityContext), links: links);
        activity?.SetTag("messaging.system", "vibecoder.streams");
        activity?.SetTag("messaging.destination.name", stream.ToString());
        activity?.SetTag("vibecoder.stream.provider", provider);
        activity?.SetTag("vibecoder.stream.subscriber", subscriber);
        activity?.SetTag("vibecoder.stream.sequence", streamEvent.Sequence);
        activity?.SetTag("vibecoder.stream.attempt", attempt);
        return activity;
    }
}
