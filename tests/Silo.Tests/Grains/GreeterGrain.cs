using Microsoft.Extensions.Logging;

namespace VibeCoder.Silo.Tests.Grains;

/// <summary>Calls a <see cref="ITallyGrain"/> (caller → callee spans) and logs from inside a turn (correlation in logs).</summary>
public sealed partial class GreeterGrain(ILogger<GreeterGrain> logger) : Grain, IGreeterGrain
{
    public async Task<string> Greet(string name)
    {
        var count = await GrainFactory.GetGrain<ITallyGrain>(name.Length).Add(1, name);
        Log.Greeting(logger, name, count);
        return $"Hello {name} #{count}";
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Greeting {Name} for the {Count}th time")]
        public static partial void Greeting(ILogger logger, string name, int count);
    }
}
