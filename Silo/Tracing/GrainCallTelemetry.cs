using System.Diagnostics;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Filters;

namespace VibeCoder.Silo.Tracing;

/// <summary>
/// The activity source <c>VibeCoder.Runtime</c> for grain calls: a client span where a call leaves its caller and a
/// server span, its child, around the callee's turn. The W3C <c>traceparent</c> travels in the grain request
/// context, which crosses process boundaries with the call.
/// </summary>
internal static class GrainCallTelemetry
{
    /// <summary>The request context key carrying the caller's span (removed again on the callee's side).</summary>
    public const string TraceParentKey = "traceparent";

    public static readonly ActivitySource Source = new(Metrics.TelemetryNames.Runtime);

    public static void Tag(Activity activity, IGrainCallContext context)
    {
        activity.SetTag("rpc.system", "vibecoder");
        activity.SetTag("rpc.service", context.InterfaceType.Name);
        activity.SetTag("rpc.method", context.MethodName);
        activity.SetTag("vibecoder.grain.id", context.TargetId.ToString());
        if (RequestContext.Get(CorrelationIds.RequestContextKey) is { } correlationId)
        {
            activity.SetTag(CorrelationIds.TagName, correlationId);
        }
    }

    public static void Fail(Activity activity, Exception exception)
    {
        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.AddException(exception);
    }
}
