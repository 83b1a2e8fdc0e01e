namespace VibeCoder.Runtime.Activation;

/// <summary>
/// Installed while grain code runs, so that every <c>await</c> in a grain resumes as a turn of the same
/// activation: continuations are posted to the activation's work queue instead of the thread pool. This is what
/// makes grain code single-threaded (Orleans does the same with a per-activation task scheduler).
/// </summary>
internal sealed class ActivationSynchronizationContext(ActivationData activation) : SynchronizationContext
{
    public ActivationData Activation { get; } = activation;

    public override void Post(SendOrPostCallback d, object? state) =>
        Activation.EnqueueWorkItem(new PostedCallback(d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException(
            $"Synchronous Send into grain {Activation.GrainId} would block its turn; post or await instead.");

    public override SynchronizationContext CreateCopy() => this;

    private sealed class PostedCallback(SendOrPostCallback callback, object? state) : IActivationWorkItem
    {
        public void Execute(ActivationData activation) => activation.RunGrainCallback(callback, state);
    }
}
