using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VibeCoder.Grains.Telegram.Client;

/// <summary>
/// Metrics and tracing of Bot API calls: the counter <c>vibecoder.telegram.api.calls</c> (tags <c>method</c>,
/// <c>result</c>) per attempt and one client span per call. Neither ever carries the token or the URL.
/// </summary>
internal sealed class TelegramInstrumentation
{
    /// <summary>Name of the meter and the activity source.</summary>
    public const string Name = "VibeCoder.Telegram";

    /// <summary>Name of the per-attempt call counter.</summary>
    public const string CallsCounterName = "vibecoder.telegram.api.calls";

    /// <summary><c>result</c> of an attempt that succeeded.</summary>
    public const string ResultOk = "ok";

    /// <summary><c>result</c> of an attempt that failed and will be repeated.</summary>
    public const string ResultRetried = "retried";

    /// <summary><c>result</c> of a final failure to reach Telegram.</summary>
    public const string ResultNetwork = "network";

    /// <summary><c>result</c> of a final timeout.</summary>
    public const string ResultTimeout = "timeout";

    private static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _calls;

    public TelegramInstrumentation(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        _calls = meter.CreateCounter<long>(CallsCounterName, unit: "{call}", description: "Telegram Bot API call attempts by method and result.");
    }

    public static Activity? StartCall(string method)
    {
        var activity = Source.StartActivity($"telegram {method}", ActivityKind.Client);
        activity?.SetTag("telegram.method", method);
        return activity;
    }

    public void RecordAttempt(string method, string result) =>
        _calls.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("result", result));
}
