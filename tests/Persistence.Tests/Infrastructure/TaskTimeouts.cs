namespace VibeCoder.Persistence.Tests;

/// <summary>Every awaited storage call in these tests gets a deadline, so a hang fails the test instead of the run.</summary>
internal static class TaskTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    public static Task WithTimeout(this Task task) => task.WaitAsync(Default);

    public static Task<T> WithTimeout<T>(this Task<T> task) => task.WaitAsync(Default);
}
