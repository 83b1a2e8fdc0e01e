using System.Diagnostics;
using OpenTelemetry;
using Orleans.Runtime;

namespace VibeCoder.Silo.Diagnostics;

/// <summary>
/// Tags every span that starts inside a flow with the flow's correlation id (from the grain
/// <see cref="RequestContext"/>, where HTTP and Telegram intake put it and where domain event handlers restore it), so
/// grain calls, workflow steps, LLM, rendering and Bot API spans can all be found from a domain event's
/// <c>metadata.correlationId</c>.
/// </summary>
/// <remarks>Runs only for sampled spans of the tracer provider, i.e. only while traces are exported.</remarks>
internal sealed class CorrelationActivityProcessor : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (data.GetTagItem(CorrelationIds.TagName) is null
            && RequestContext.Get(CorrelationIds.RequestContextKey) is string correlationId)
        {
            data.SetTag(CorrelationIds.TagName, correlationId);
        }
    }
}
