using System.Diagnostics;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Filters;

namespace VibeCoder.Silo.Tracing;

/// <summary>
/// Starts the client span of a grain call and puts its <c>traceparent</c> into the request context the call
/// carries. Without a listener on the source it passes the call straight on (no span, no allocation of its own).
/// </summary>
internal sealed class TracingOutgoingGrainCallFilter : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context) =>
        GrainCallTelemetry.Source.HasListeners() ? InvokeTracedAsync(context) : context.Invoke();

    private static async Task InvokeTracedAsync(IOutgoingGrainCallContext context)
    {
        using var activity = GrainCallTelemetry.Source.StartActivity($"{context.InterfaceType.Name}/{context.MethodName}", ActivityKind.Client);
        if (activity is null)
        {
            await context.Invoke();
            return;
        }

        GrainCallTelemetry.Tag(activity, context);
        if (context.SourceId is { } caller)
        {
            activity.SetTag("vibecoder.grain.caller", caller.ToString());
        }

        // Set inside this async method, so the value reaches the request (captured at the end of the filter chain)
        // and is gone again for the caller's code once the call returns.
        RequestContext.Set(GrainCallTelemetry.TraceParentKey, activity.Id!);
        try
        {
            await context.Invoke();
        }
        catch (Exception exception)
        {
            GrainCallTelemetry.Fail(activity, exception);
            throw;
        }
    }
}
