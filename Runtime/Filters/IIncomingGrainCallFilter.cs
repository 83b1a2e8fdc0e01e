namespace VibeCoder.Runtime.Filters;

/// <summary>
/// Runs around every call a grain receives, inside the grain's turn (logging, tracing, authorization).
/// Must call <see cref="IGrainCallContext.Invoke"/> exactly once to let the call through. Orleans:
/// <c>IIncomingGrainCallFilter</c>.
/// </summary>
public interface IIncomingGrainCallFilter
{
    /// <summary>Handles the call.</summary>
    Task Invoke(IIncomingGrainCallContext context);
}
