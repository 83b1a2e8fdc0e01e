namespace VibeCoder.Silo.Diagnostics;

/// <summary>
/// The meters and activity sources the product defines (one name serves both), and the framework ones we export.
/// Anything else whose name starts with <see cref="ProductPrefix"/> is picked up too, so a new meter needs no edit here.
/// </summary>
public static class TelemetryNames
{
    /// <summary>The prefix of every product meter and activity source.</summary>
    public const string ProductPrefix = "VibeCoder.";

    /// <summary>The grain runtime: activations, calls, queues (meter) and grain calls (activity source).</summary>
    public const string Grains = "VibeCoder.Grains";

    /// <summary>Grain state and reminder storage.</summary>
    public const string Storage = "VibeCoder.Storage";

    /// <summary>Streams: publish, delivery, lag, dead letters.</summary>
    public const string Streams = "VibeCoder.Streams";

    /// <summary>The carousel pipeline: jobs by status, workflow steps, quota rejections.</summary>
    public const string Carousel = "VibeCoder.Carousel";

    /// <summary>Content generation (LLM latency and tokens).</summary>
    public const string Content = "VibeCoder.Content";

    /// <summary>Slide rendering.</summary>
    public const string Rendering = "VibeCoder.Rendering";

    /// <summary>Telegram Bot API calls.</summary>
    public const string Telegram = "VibeCoder.Telegram";

    /// <summary>The product's sources, named one by one (the wildcard also catches new ones).</summary>
    public static IReadOnlyList<string> Product { get; } = [Grains, Storage, Streams, Carousel, Content, Rendering, Telegram];

    /// <summary>Framework meters exported next to the product's: process (CPU, memory, GC), HTTP server and client.</summary>
    public static IReadOnlyList<string> FrameworkMeters { get; } =
        ["Microsoft.Orleans", "System.Runtime", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"];
}
