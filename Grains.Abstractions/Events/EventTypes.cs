namespace VibeCoder.Grains.Events;

/// <summary>
/// The domain event catalog of seeds 000–002 (Telegram gateway, carousel generation, AI content, data persistence,
/// analytics and monitoring, orchestration), plus <see cref="CarouselFailed"/>, which the product needs as the failed
/// counterpart of <see cref="CarouselCompleted"/>. Each has a payload record implementing <see cref="IEventPayload"/>.
/// </summary>
public static class EventTypes
{
    /// <summary>A Telegram message arrived. Payload <see cref="UserMessageReceived"/>.</summary>
    public const string UserMessageReceived = "user.message.received";

    /// <summary>A bot command ran. Payload <see cref="CommandExecuted"/>.</summary>
    public const string CommandExecuted = "command.executed";

    /// <summary>A chat session began. Payload <see cref="UserSessionCreated"/>.</summary>
    public const string UserSessionCreated = "user.session.created";

    /// <summary>A carousel was asked for. Payload <see cref="CarouselGenerateRequested"/>.</summary>
    public const string CarouselGenerateRequested = "carousel.generate.requested";

    /// <summary>The topic was analysed into a plan. Payload <see cref="CarouselContentAnalyzed"/>.</summary>
    public const string CarouselContentAnalyzed = "carousel.content.analyzed";

    /// <summary>The slide texts are written. Payload <see cref="CarouselSlidesGenerated"/>.</summary>
    public const string CarouselSlidesGenerated = "carousel.slides.generated";

    /// <summary>The slide images are rendered. Payload <see cref="CarouselImagesRendered"/>.</summary>
    public const string CarouselImagesRendered = "carousel.images.rendered";

    /// <summary>The carousel was delivered. Payload <see cref="CarouselCompleted"/>.</summary>
    public const string CarouselCompleted = "carousel.completed";

    /// <summary>The carousel job failed for good (not in the seeds). Payload <see cref="CarouselFailed"/>.</summary>
    public const string CarouselFailed = "carousel.failed";

    /// <summary>A finished carousel was edited, or an edit undone (not in the seeds). Payload <see cref="CarouselSlideEdited"/>.</summary>
    public const string CarouselSlideEdited = "carousel.slide.edited";

    /// <summary>Content was requested from the model. Payload <see cref="AiContentRequested"/>.</summary>
    public const string AiContentRequested = "ai.content.requested";

    /// <summary>The model answered. Payload <see cref="AiAnalysisCompleted"/>.</summary>
    public const string AiAnalysisCompleted = "ai.analysis.completed";

    /// <summary>A short wisdom text was generated. Payload <see cref="AiWisdomGenerated"/>.</summary>
    public const string AiWisdomGenerated = "ai.wisdom.generated";

    /// <summary>A user was seen for the first time. Payload <see cref="UserCreated"/>.</summary>
    public const string UserCreated = "user.created";

    /// <summary>A user's profile or settings changed. Payload <see cref="UserUpdated"/>.</summary>
    public const string UserUpdated = "user.updated";

    /// <summary>A user changed their brand kit (not in the seeds). Payload <see cref="BrandUpdated"/>.</summary>
    public const string BrandUpdated = "brand.updated";

    /// <summary>A chat session was stored. Payload <see cref="SessionSaved"/>.</summary>
    public const string SessionSaved = "session.saved";

    /// <summary>A job was added to a user's history. Payload <see cref="HistoryLogged"/>.</summary>
    public const string HistoryLogged = "history.logged";

    /// <summary>Metrics were sampled. Payload <see cref="MetricsCollected"/>.</summary>
    public const string MetricsCollected = "metrics.collected";

    /// <summary>A health check ran. Payload <see cref="HealthChecked"/>.</summary>
    public const string HealthChecked = "health.checked";

    /// <summary>An alert fired. Payload <see cref="AlertTriggered"/>.</summary>
    public const string AlertTriggered = "alert.triggered";

    /// <summary>A workflow (saga) began. Payload <see cref="WorkflowStarted"/>.</summary>
    public const string WorkflowStarted = "workflow.started";

    /// <summary>A workflow ended (completed, failed or cancelled). Payload <see cref="WorkflowCompleted"/>.</summary>
    public const string WorkflowCompleted = "workflow.completed";

    /// <summary>An event was forwarded to another destination. Payload <see cref="EventRouted"/>.</summary>
    public const string EventRouted = "event.routed";

    /// <summary>A user did something worth counting. Payload <see cref="UserInteractionTracked"/>.</summary>
    public const string UserInteractionTracked = "user.interaction.tracked";

    /// <summary>An unexpected error happened. Payload <see cref="SystemErrorOccurred"/>.</summary>
    public const string SystemErrorOccurred = "system.error.occurred";

    private static readonly Dictionary<string, string> Namespaces = new(StringComparer.Ordinal)
    {
        [UserMessageReceived] = EventNamespaces.User,
        [CommandExecuted] = EventNamespaces.User,
        [UserSessionCreated] = EventNamespaces.User,
        [CarouselGenerateRequested] = EventNamespaces.Carousel,
        [CarouselContentAnalyzed] = EventNamespaces.Carousel,
        [CarouselSlidesGenerated] = EventNamespaces.Carousel,
        [CarouselImagesRendered] = EventNamespaces.Carousel,
        [CarouselCompleted] = EventNamespaces.Carousel,
        [CarouselFailed] = EventNamespaces.Carousel,
        [CarouselSlideEdited] = EventNamespaces.Carousel,
        [AiContentRequested] = EventNamespaces.Ai,
        [AiAnalysisCompleted] = EventNamespaces.Ai,
        [AiWisdomGenerated] = EventNamespaces.Ai,
        [UserCreated] = EventNamespaces.Data,
        [UserUpdated] = EventNamespaces.Data,
        [BrandUpdated] = EventNamespaces.Data,
        [SessionSaved] = EventNamespaces.Data,
        [HistoryLogged] = EventNamespaces.Data,
        [UserInteractionTracked] = EventNamespaces.Analytics,
        [MetricsCollected] = EventNamespaces.Analytics,
        [HealthChecked] = EventNamespaces.Health,
        [AlertTriggered] = EventNamespaces.Health,
        [SystemErrorOccurred] = EventNamespaces.Health,
        [WorkflowStarted] = EventNamespaces.Workflow,
        [WorkflowCompleted] = EventNamespaces.Workflow,
        [EventRouted] = EventNamespaces.Workflow,
    };

    /// <summary>Every event type of the catalog.</summary>
    public static IReadOnlyList<string> All { get; } = Namespaces.Keys.ToArray();

    /// <summary>The stream namespace events of <paramref name="eventType"/> are published to.</summary>
    /// <exception cref="ArgumentException">Not an event type of the catalog.</exception>
    public static string NamespaceOf(string eventType) =>
        Namespaces.TryGetValue(eventType, out var @namespace)
            ? @namespace
            : throw new ArgumentException($"'{eventType}' is not an event type of the catalog.", nameof(eventType));
}
