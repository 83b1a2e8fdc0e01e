namespace VibeCoder.Grains.Events;

/// <summary>
/// Stream namespaces for domain events, one per domain of seed 000's service split; <see cref="EventTypes.NamespaceOf"/>
/// says which one an event type goes to. Keys: job id for carousel, ai and workflow; user id for user, data and
/// analytics (or "global" for system-wide analytics); component name for health.
/// </summary>
public static class EventNamespaces
{
    /// <summary>Telegram gateway: messages, commands, sessions.</summary>
    public const string User = "user";

    /// <summary>Carousel generation steps, keyed by job id.</summary>
    public const string Carousel = "carousel";

    /// <summary>AI content requests and results, keyed by job id.</summary>
    public const string Ai = "ai";

    /// <summary>Persistence: users, sessions, history.</summary>
    public const string Data = "data";

    /// <summary>Analytics: interactions and collected metrics.</summary>
    public const string Analytics = "analytics";

    /// <summary>Monitoring: health checks, alerts, errors.</summary>
    public const string Health = "health";

    /// <summary>Orchestration: workflow (saga) progress and routing, keyed by job id.</summary>
    public const string Workflow = "workflow";

    /// <summary>Every namespace.</summary>
    public static IReadOnlyList<string> All { get; } = [User, Carousel, Ai, Data, Analytics, Health, Workflow];
}
