namespace VibeCoder.Runtime.Filters;

/// <summary>A call arriving at a grain, seen inside the grain's turn. Orleans: <c>IIncomingGrainCallContext</c>.</summary>
public interface IIncomingGrainCallContext : IGrainCallContext
{
    /// <summary>The grain object handling the call.</summary>
    object Grain { get; }
}
