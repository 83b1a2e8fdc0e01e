namespace VibeCoder.Runtime.Filters;

/// <summary>A call leaving the caller. Orleans: <c>IOutgoingGrainCallContext</c>.</summary>
public interface IOutgoingGrainCallContext : IGrainCallContext
{
    /// <summary>The calling grain, or null when the caller is not a grain.</summary>
    GrainId? SourceId { get; }
}
