namespace VibeCoder.Runtime.Activation;

/// <summary>Something an activation's worker runs in a turn: a continuation, a completion, a lifecycle step.</summary>
internal interface IActivationWorkItem
{
    void Execute(ActivationData activation);
}
