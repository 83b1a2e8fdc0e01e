using Orleans.Runtime;

namespace VibeCoder.Grains.Events;

/// <summary>Reads and starts correlation in the current <see cref="RequestContext"/>.</summary>
public static class Correlation
{
    /// <summary>The current correlation id, or null outside any flow.</summary>
    public static string? CurrentId => RequestContext.Get(CorrelationKeys.CorrelationId) as string;

    /// <summary>The current correlation id; when there is none, starts a flow with a new one (and returns it).</summary>
    public static string EnsureId()
    {
        if (CurrentId is { } existing)
        {
            return existing;
        }

        var created = NewId();
        RequestContext.Set(CorrelationKeys.CorrelationId, created);
        return created;
    }

    /// <summary>Starts a flow for <paramref name="userId"/> with the given (or a new) correlation id, replacing any current one.</summary>
    public static string Begin(string? correlationId = null, string? userId = null)
    {
        var id = string.IsNullOrEmpty(correlationId) ? NewId() : correlationId;
        RequestContext.Set(CorrelationKeys.CorrelationId, id);
        RequestContext.Remove(CorrelationKeys.CausationId);
        if (userId is not null)
        {
            RequestContext.Set(CorrelationKeys.UserId, userId);
        }

        return id;
    }

    /// <summary>A new id (time-ordered GUID, 32 hex digits).</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
