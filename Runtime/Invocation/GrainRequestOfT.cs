using System.Runtime.CompilerServices;
using VibeCoder.Runtime.Activation;
using VibeCoder.Runtime.Filters;
using VibeCoder.Runtime.Serialization;

namespace VibeCoder.Runtime.Invocation;

/// <summary>A call to a grain method whose result is a <typeparamref name="TResult"/> (void methods use <c>object?</c>).</summary>
/// <typeparam name="TResult">The method's result type.</typeparam>
/// <remarks>
/// The caller's task comes from an embedded <see cref="AsyncTaskMethodBuilder{TResult}"/>, so a call costs this
/// object plus its task and nothing else on the synchronous path. Completing the task runs the caller's
/// continuation inline when the caller was outside any grain; the activation clears its synchronization
/// context before completing, so such a continuation never runs "inside" the callee.
/// </remarks>
public abstract class GrainRequest<TResult> : GrainRequest
{
    private AsyncTaskMethodBuilder<TResult> _builder;
    private ValueTask<TResult> _pending;
    private Action? _onPendingCompleted;

    /// <summary>In serialized-call mode: the caller's original request, completed with a copied result.</summary>
    internal GrainRequest<TResult>? ReplyTo;

    /// <summary>The caller's task. Read it once, before the request is sent (the builder is not thread-safe before that).</summary>
    internal Task<TResult> TypedTask => _builder.Task;

    /// <inheritdoc />
    internal override Task ResultTask => _builder.Task;

    /// <summary>Calls the grain method on <paramref name="grain"/> with this request's arguments.</summary>
    protected abstract ValueTask<TResult> InvokeCore(object grain);

    /// <summary>The end of the incoming filter chain.</summary>
    internal ValueTask<TResult> InvokeTarget(object grain) => InvokeCore(grain);

    /// <inheritdoc />
    internal override void Start(ActivationData activation, object grain)
    {
        Activation = activation;
        ValueTask<TResult> pending;
        var interleaved = activation.EnterGrainCode(this);
        try
        {
            pending = activation.Runtime.IncomingFilters.Length != 0 && !IsSystemRequest
                ? IncomingGrainCallContext<TResult>.InvokeAsync(this, grain, activation.Runtime.IncomingFilters)
                : InvokeCore(grain);
        }
        catch (Exception exception)
        {
            activation.ExitGrainCode(this, interleaved);
            activation.OnRequestFinished(this, exception);
            Complete(default, exception);
            return;
        }

        activation.ExitGrainCode(this, interleaved);
        if (pending.IsCompleted)
        {
            CompleteFrom(activation, pending);
            return;
        }

        _pending = pending;
        pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onPendingCompleted ??= OnPendingCompleted);
    }

    /// <inheritdoc />
    internal override void OnPendingCompletedInTurn(ActivationData activation)
    {
        var pending = _pending;
        _pending = default;
        CompleteFrom(activation, pending);
    }

    /// <inheritdoc />
    internal override bool TryFail(Exception exception)
    {
        if (!TryClaimCompletion())
        {
            return false;
        }

        if (ReplyTo is { } reply)
        {
            reply.Complete(default, exception);
        }
        else
        {
            _builder.SetException(exception);
        }

        return true;
    }

    // Continuations of the grain's task may run on any thread: hop back into the activation to finish the turn.
    private void OnPendingCompleted() => Activation!.EnqueueWorkItem(this);

    private void CompleteFrom(ActivationData activation, ValueTask<TResult> pending)
    {
        TResult result;
        try
        {
            result = pending.Result;
        }
        catch (Exception exception)
        {
            activation.OnRequestFinished(this, exception);
            Complete(default, exception);
            return;
        }

        activation.OnRequestFinished(this, null);
        Complete(result, null);
    }

    private void Complete(TResult? result, Exception? exception)
    {
        if (!TryClaimCompletion())
        {
            return;
        }

        if (ReplyTo is { } reply)
        {
            // What a remote caller would see: the result or the exception after a trip through the wire format.
            if (exception is null)
            {
                TResult copied;
                try
                {
                    copied = CallSerializer.CopyResult(result, Activation!.Runtime.JsonOptions);
                }
                catch (Exception serializationError)
                {
                    reply.Complete(default, serializationError);
                    return;
                }

                reply.Complete(copied, null);
            }
            else
            {
                reply.Complete(default, CallSerializer.CopyException(exception));
            }

            return;
        }

        if (exception is null)
        {
            _builder.SetResult(result!);
        }
        else
        {
            _builder.SetException(exception);
        }
    }
}
