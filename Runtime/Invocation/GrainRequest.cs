using System.Collections.Immutable;
using System.Text.Json;
using VibeCoder.Runtime.Activation;

namespace VibeCoder.Runtime.Invocation;

/// <summary>
/// One call to a grain method: which method, its arguments, and the caller's pending result. Generated code
/// derives one sealed class per grain interface method; application code never sees these.
/// </summary>
/// <remarks>
/// Threading contract: the caller fills the arguments and reads <c>ResultTask</c> before the request is sent;
/// from then on only the target activation's worker touches the request, except for <see cref="TryFail"/>,
/// which the timeout sweeper may call from any thread (completion is decided by one compare-and-swap, so a
/// request completes exactly once).
/// </remarks>
public abstract class GrainRequest : IActivationWorkItem
{
    private int _completed;

    /// <summary>The grain the request is addressed to.</summary>
    internal GrainId TargetId;

    /// <summary>When the caller stops waiting, as <see cref="Environment.TickCount64"/> milliseconds.</summary>
    internal long DeadlineMs;

    /// <summary>The call chain the request belongs to (0 = none yet); used for call-chain reentrancy.</summary>
    internal long ChainId;

    /// <summary>The caller's <see cref="RequestContext"/> values, or null.</summary>
    internal ImmutableDictionary<string, string>? Context;

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp of the start, kept only while calls are observed.</summary>
    internal long StartTimestamp;

    /// <summary>The activation running the request, set when it starts.</summary>
    internal ActivationData? Activation;

    /// <summary>The name of the interface method called.</summary>
    public abstract string MethodName { get; }

    /// <summary>The grain interface the method belongs to.</summary>
    public abstract Type InterfaceType { get; }

    /// <summary>How the request may interleave.</summary>
    public virtual GrainRequestFlags Flags => GrainRequestFlags.None;

    /// <summary>How many arguments the method takes.</summary>
    public abstract int ArgumentCount { get; }

    /// <summary>The argument at <paramref name="index"/>, boxed (for filters and diagnostics, not the hot path).</summary>
    public abstract object? GetArgument(int index);

    /// <summary>Writes the arguments as a JSON array.</summary>
    public abstract void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options);

    /// <summary>Reads the arguments from a JSON array positioned at its start.</summary>
    public abstract void ReadArguments(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>A new request of the same method with no arguments set, to be filled by <see cref="ReadArguments"/>.</summary>
    public abstract GrainRequest CreateEmpty();

    /// <summary>The caller's view of the outcome (a <c>Task&lt;TResult&gt;</c>).</summary>
    internal abstract Task ResultTask { get; }

    /// <summary>Whether the outcome has been decided (result, exception or timeout).</summary>
    internal bool IsCompleted => Volatile.Read(ref _completed) != 0;

    /// <summary>Internal requests (timer and reminder ticks) bypass grain call filters and counters.</summary>
    internal virtual bool IsSystemRequest => false;

    /// <summary>Completes the caller's task with an exception unless it is already completed.</summary>
    internal abstract bool TryFail(Exception exception);

    /// <summary>Runs the method on <paramref name="grain"/> in the activation's turn.</summary>
    internal abstract void Start(ActivationData activation, object grain);

    /// <inheritdoc />
    void IActivationWorkItem.Execute(ActivationData activation) => OnPendingCompletedInTurn(activation);

    /// <summary>Called in the activation's turn after the method's asynchronous result became available.</summary>
    internal abstract void OnPendingCompletedInTurn(ActivationData activation);

    /// <summary>Claims the right to complete the request; true for exactly one caller.</summary>
    private protected bool TryClaimCompletion() => Interlocked.Exchange(ref _completed, 1) == 0;

    /// <summary>The chain id, created on first need so calls from outside grains cost nothing.</summary>
    internal long EnsureChainId()
    {
        if (ChainId == 0)
        {
            ChainId = CallChain.NewId();
        }

        return ChainId;
    }
}
