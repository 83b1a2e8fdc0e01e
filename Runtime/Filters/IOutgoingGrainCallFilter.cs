namespace VibeCoder.Runtime.Filters;

/// <summary>
/// Runs around every grain call made through a reference, on the caller's side. Must call
/// <see cref="IGrainCallContext.Invoke"/> exactly once to send the call. Orleans: <c>IOutgoingGrainCallFilter</c>.
/// </summary>
public interface IOutgoingGrainCallFilter
{
    /// <summary>Handles the call.</summary>
    Task Invoke(IOutgoingGrainCallContext context);
}
