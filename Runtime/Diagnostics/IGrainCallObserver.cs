using VibeCoder.Runtime.Activation;
using VibeCoder.Runtime.Invocation;

namespace VibeCoder.Runtime.Diagnostics;

/// <summary>
/// A synchronous, allocation-free hook on every finished grain request, for counters and profiling. Cheaper
/// than a call filter (no context object, no async state machine); implementations must be thread-safe and fast.
/// <see cref="GrainRequest.StartTimestamp"/> holds the <see cref="System.Diagnostics.Stopwatch"/> time the request started.
/// </summary>
internal interface IGrainCallObserver
{
    void OnRequestFinished(ActivationData activation, GrainRequest request, Exception? exception);
}
