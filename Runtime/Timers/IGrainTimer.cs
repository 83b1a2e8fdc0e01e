namespace VibeCoder.Runtime.Timers;

/// <summary>A grain timer; dispose it to stop it. Orleans: <c>IGrainTimer</c>.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the next tick is due and the period after it.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
