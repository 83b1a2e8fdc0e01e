namespace VibeCoder.Silo.Diagnostics;

/// <summary>
/// Where a request's correlation id lives: the HTTP header that carries it in and out, the grain
/// <see cref="Orleans.Runtime.RequestContext"/> key that carries it through grain calls and stream events, the span tag
/// and the log field.
/// </summary>
public static class CorrelationIds
{
    /// <summary>The HTTP request and response header.</summary>
    public const string HeaderName = "X-Correlation-Id";

    /// <summary>The <see cref="Orleans.Runtime.RequestContext"/> key.</summary>
    public const string RequestContextKey = VibeCoder.Grains.Events.CorrelationKeys.CorrelationId;

    /// <summary>The span tag.</summary>
    public const string TagName = "correlation.id";

    /// <summary>The logging scope key.</summary>
    public const string LogScopeKey = "CorrelationId";

    /// <summary>The longest correlation id accepted from a client; longer or odd ones are replaced.</summary>
    public const int MaxLength = 64;

    /// <summary>Whether a client-supplied id is safe to echo, log and forward (letters, digits, <c>-_.:</c>).</summary>
    public static bool IsAcceptable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
