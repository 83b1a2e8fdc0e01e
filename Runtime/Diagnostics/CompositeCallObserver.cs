using VibeCoder.Runtime.Activation;
using VibeCoder.Runtime.Invocation;

namespace VibeCoder.Runtime.Diagnostics;

/// <summary>Fans a finished request out to several observers.</summary>
internal sealed class CompositeCallObserver(IGrainCallObserver[] observers) : IGrainCallObserver
{
    public void OnRequestFinished(ActivationData activation, GrainRequest request, Exception? exception)
    {
        foreach (var observer in observers)
        {
            observer.OnRequestFinished(activation, request, exception);
        }
    }
}
