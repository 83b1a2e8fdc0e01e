namespace VibeCoder.Runtime.Invocation;

/// <summary>
/// A runtime-made turn that runs a delegate against the grain object (stream deliveries): it activates the
/// grain if needed and, like a timer tick, never interleaves with requests.
/// </summary>
internal sealed class DelegateRequest(string name, Func<object, Task> invoke) : SystemRequest(name)
{
    protected override ValueTask<object?> InvokeCore(object grain) => GeneratedCodeHelpers.FromTask(invoke(grain));
}
