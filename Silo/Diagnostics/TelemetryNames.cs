namespace VibeCoder.Silo.Diagnostics;

/// <summary>
/// The meters and activity sources the product defines (one name serves both), and the framework ones we export.
/// <see cref="ProductWildcard"/> is what the exporters subscribe to, so a new product meter needs no edit here; the
/// names are listed for documentation and tests.
/// </summary>
public static class TelemetryNames
{
    /// <summary>Every product meter and activity source (OpenTelemetry matches <c>*</c> as a wildcard).</summary>
    public const string ProductWildcard = "VibeCoder.*";

    /// <summary>Incoming grain calls by interface, method and outcome (<see cref="GrainCallMetricsFilter"/>).</summary>
    public const string Grains = "VibeCoder.Grains";

    /// <summary>The carousel pipeline: jobs by status, workflow step durations, quota rejections; workflow step spans.</summary>
    public const string Carousel = "VibeCoder.Carousel";

    /// <summary>Content generation: LLM calls, latency, tokens and errors; LLM spans.</summary>
    public const string Content = "VibeCoder.Content";

    /// <summary>Slide rendering: slides rendered and render time; render spans.</summary>
    public const string Rendering = "VibeCoder.Rendering";

    /// <summary>Telegram Bot API calls by method and outcome; Bot API spans.</summary>
    public const string Telegram = "VibeCoder.Telegram";

    /// <summary>The bot conversation and webhook intake: updates by kind, commands, duplicates, intake results.</summary>
    public const string TelegramBot = "VibeCoder.Telegram.Bot";

    /// <summary>The product's meters known today (the wildcard also catches new ones).</summary>
    public static IReadOnlyList<string> Product { get; } = [Grains, Carousel, Content, Rendering, Telegram, TelegramBot];

    /// <summary>Orleans' meter (activations, messaging, grain call latency, storage, streams, reminders).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Framework meters exported next to the product's: Orleans, process (CPU, memory, GC), HTTP server and client.</summary>
    public static IReadOnlyList<string> FrameworkMeters { get; } =
        [OrleansMeter, "System.Runtime", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"];

    /// <summary>
    /// Orleans instruments recorded on every message or grain call (sizes, dispatcher and directory-cache counters,
    /// request latency): not exported, because listening to them costs a large share of a cheap grain call (measured
    /// with <c>grain-calls</c>); <c>vibecoder.grain.call.duration</c> gives the per-method latency instead. The periodic
    /// and per-activation ones (catalog, storage, reminders, streams, membership, gateway clients) stay.
    /// </summary>
    public static bool IsPerMessageOrleansInstrument(string name) =>
        name.StartsWith("orleans-messaging-", StringComparison.Ordinal)
        || name.StartsWith("orleans-directory-lookups-", StringComparison.Ordinal)
        || name.StartsWith("orleans-directory-validations-", StringComparison.Ordinal)
        || name.StartsWith("orleans-manifest-cache-", StringComparison.Ordinal)
        || name is "orleans-app-requests-latency" or "orleans-gateway-received" or "orleans-gateway-sent";

    /// <summary>
    /// Orleans instruments left out of <c>/metrics</c>: counters of queue call time in ticks that Orleans 10.4 feeds
    /// negative increments (a counter must only grow; Prometheus would read them as resets). The matching
    /// <c>…-failures</c> and <c>…-exceptions</c> counters stay.
    /// </summary>
    public static IReadOnlySet<string> DroppedOrleansInstruments { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "orleans-streams-queue-initialization-duration",
        "orleans-streams-queue-read-duration",
        "orleans-streams-queue-shutdown-duration",
    };

    /// <summary>
    /// Orleans' activity sources traced next to the product's: application grain calls (client and server spans,
    /// propagated by <c>AddActivityPropagation</c>), runtime calls and activation, and storage operations.
    /// </summary>
    public static IReadOnlyList<string> OrleansSources { get; } =
        ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Storage"];
}
