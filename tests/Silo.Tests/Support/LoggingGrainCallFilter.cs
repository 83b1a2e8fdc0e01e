using Microsoft.Extensions.Logging;
using Orleans;

namespace VibeCoder.Silo.Tests.Support;

/// <summary>Logs every incoming grain call inside the callee's turn, so a test can read what a grain's log line carries.</summary>
public sealed partial class LoggingGrainCallFilter(ILogger<LoggingGrainCallFilter> logger) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        Log.GrainCall(logger, context.InterfaceName, context.MethodName);
        return context.Invoke();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Grain call {Interface}.{Method}")]
        public static partial void GrainCall(ILogger logger, string @interface, string method);
    }
}
