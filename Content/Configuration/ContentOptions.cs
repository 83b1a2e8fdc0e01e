namespace VibeCoder.Content;

/// <summary>Settings of the content generators.</summary>
/// <remarks>
/// <para>
/// The OpenAI settings come from the configuration root keys (environment variables) <c>OPENAI_API_KEY</c>,
/// <c>OPENAI_BASE_URL</c> and <c>OPENAI_MODEL</c>; the resilience settings from the <c>Content</c> section
/// (environment: <c>Content__AttemptTimeout=00:00:20</c> and so on).
/// </para>
/// <para>
/// Defaults: no API key (the offline generator is used), the official endpoint, model <c>gpt-4o-mini</c>,
/// 30 s per attempt, 3 retries after the first call starting at 1 s with exponential backoff and jitter (at most
/// 15 s between attempts), a server's Retry-After honoured up to 20 s, and a circuit breaker that opens for 30 s when
/// at least half of at least 6 calls within 60 s failed.
/// </para>
/// </remarks>
public sealed class ContentOptions
{
    /// <summary>The configuration section holding the resilience settings.</summary>
    public const string SectionName = "Content";

    /// <summary>The environment variable holding the API key.</summary>
    public const string ApiKeyVariable = "OPENAI_API_KEY";

    /// <summary>The environment variable holding the base URL of an OpenAI-compatible server.</summary>
    public const string BaseUrlVariable = "OPENAI_BASE_URL";

    /// <summary>The environment variable holding the model name.</summary>
    public const string ModelVariable = "OPENAI_MODEL";

    /// <summary>The model used when <c>OPENAI_MODEL</c> is not set.</summary>
    public const string DefaultModel = "gpt-4o-mini";

    /// <summary>The API key; a secret. Null or empty selects the offline generator. Default: none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The base URL of an OpenAI-compatible API, e.g. <c>https://api.openai.com/v1</c> (the SDK appends
    /// <c>/chat/completions</c>). Null uses the official endpoint. Default: null.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>The chat model. Default: <c>gpt-4o-mini</c>.</summary>
    public string Model { get; set; } = DefaultModel;

    /// <summary>How long one call to the AI service may take before it is abandoned and retried. Default: 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a failed call (429, 5xx, timeout, network) is retried after the first one (0–10). Default: 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter. Default: 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two attempts computed by backoff. Default: 15 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest server-requested wait (Retry-After) that is honoured; longer requests are capped to it. Default: 20 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The share of failed calls (0–1] within the sampling window that opens the circuit. Default: 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How many calls the sampling window must have seen before the circuit may open (at least 2). Default: 6.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 6;

    /// <summary>The window over which failures are counted (at least 0.5 s). Default: 60 s.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit fails calls fast before trying the service again (at least 0.5 s). Default: 30 s.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when an API key is configured, i.e. the OpenAI generator is used.</summary>
    public bool HasApiKey => !string.IsNullOrWhiteSpace(ApiKey);
}
