namespace VibeCoder.Runtime.Activation;

/// <summary>The lifecycle of an activation; it only moves forward.</summary>
internal enum ActivationState
{
    /// <summary>In the directory, no grain object yet; the first message starts activation.</summary>
    Created,

    /// <summary>Constructing the grain, reading its state, running <c>OnActivateAsync</c>; requests wait.</summary>
    Activating,

    /// <summary>Serving requests.</summary>
    Valid,

    /// <summary>Running <c>OnDeactivateAsync</c>; requests wait and are forwarded afterwards.</summary>
    Deactivating,

    /// <summary>Gone from the directory; anything that still reaches it is forwarded to a new activation.</summary>
    Invalid,
}
