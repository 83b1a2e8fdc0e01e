using System.Diagnostics;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Filters;

namespace VibeCoder.Silo.Tracing;

/// <summary>
/// Starts the server span of a grain call in the callee's turn, as the child of the caller's span found in the
/// request context; grain code then runs with it as <see cref="Activity.Current"/>, so its own calls nest.
/// Without a listener on the source it passes the call straight on.
/// </summary>
internal sealed class TracingIncomingGrainCallFilter : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context) =>
        GrainCallTelemetry.Source.HasListeners() ? InvokeTracedAsync(context) : context.Invoke();

    private static async Task InvokeTracedAsync(IIncomingGrainCallContext context)
    {
        ActivityContext.TryParse(RequestContext.Get(GrainCallTelemetry.TraceParentKey), null, isRemote: true, out var parent);

        // The caller's span id must not leak further: the grain's own calls carry their own client spans.
        RequestContext.Remove(GrainCallTelemetry.TraceParentKey);
        using var activity = GrainCallTelemetry.Source.StartActivity($"{context.InterfaceType.Name}/{context.MethodName}", ActivityKind.Server, parent);
        if (activity is null)
        {
            await context.Invoke();
            return;
        }

        GrainCallTelemetry.Tag(activity, context);
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
