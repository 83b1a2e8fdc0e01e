namespace VibeCoder.Runtime.Storage;

/// <summary>Lets the activation read every injected state before <c>OnActivateAsync</c>.</summary>
internal interface IGrainStateLoader
{
    Task ReadStateAsync(CancellationToken cancellationToken = default);
}
