using System.Diagnostics;
using System.Diagnostics.Metrics;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content;

/// <summary>The meter and activity source of content generation.</summary>
/// <remarks>
/// Static on purpose: instruments cost next to nothing until a listener (OpenTelemetry, dotnet-counters, a test)
/// subscribes, and the names are what exporters are configured with.
/// </remarks>
internal static class ContentTelemetry
{
    public const string Name = "VibeCoder.Content";
    public const string SuccessOutcome = "success";
    public const string FailureOutcome = "failure";
    public const string CancelledOutcome = "cancelled";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "vibecoder.llm.duration", unit: "ms", description: "How long writing one carousel's content took.");

    private static readonly Counter<long> Tokens = Meter.CreateCounter<long>(
        "vibecoder.llm.tokens", unit: "{token}", description: "Tokens the AI service reported using.");

    public static void RecordDuration(string generator, string outcome, TimeSpan elapsed)
    {
        if (Duration.Enabled)
        {
            Duration.Record(
                elapsed.TotalMilliseconds,
                new KeyValuePair<string, object?>("generator", generator),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public static void RecordTokens(long promptTokens, long completionTokens)
    {
        if (!Tokens.Enabled)
        {
            return;
        }

        if (promptTokens > 0)
        {
            Tokens.Add(promptTokens, new KeyValuePair<string, object?>("kind", "prompt"));
        }

        if (completionTokens > 0)
        {
            Tokens.Add(completionTokens, new KeyValuePair<string, object?>("kind", "completion"));
        }
    }

    public static Activity? StartGeneration(string generator, ContentRequest request, string language, ActivityKind kind)
    {
        var activity = ActivitySource.StartActivity("content.generate", kind);
        if (activity is not null)
        {
            activity.SetTag("vibecoder.content.generator", generator);
            activity.SetTag("vibecoder.content.slides", request.SlideCount);
            activity.SetTag("vibecoder.content.language", language);
        }

        return activity;
    }

    public static void MarkFailed(Activity? activity, Exception exception)
    {
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            activity.SetTag("error.type", exception.GetType().FullName);
        }
    }
}
