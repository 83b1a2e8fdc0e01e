using System.ComponentModel;

namespace VibeCoder.Runtime.Invocation;

/// <summary>Used by generated request classes to adapt void grain methods; not for application code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedCodeHelpers
{
    /// <summary>A void method's task as a request result (null), without allocating when it completed synchronously.</summary>
    public static ValueTask<object?> FromTask(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? default : AwaitAsync(task);
    }

    /// <summary>A void method's value task as a request result (null).</summary>
    public static ValueTask<object?> FromValueTask(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
            return default;
        }

        return AwaitAsync(task.AsTask());
    }

    private static async ValueTask<object?> AwaitAsync(Task task)
    {
        // Runtime code: resume anywhere; the request hops back into its activation to finish the turn.
        await task.ConfigureAwait(false);
        return null;
    }
}
