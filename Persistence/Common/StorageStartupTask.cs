using VibeCoder.Runtime.Hosting;

namespace VibeCoder.Persistence;

/// <summary>Creates a provider's schema before the silo accepts grain calls.</summary>
internal sealed class StorageStartupTask(IStorageBackend backend) : ISiloStartupTask
{
    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await backend.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The silo stops start-up with this message, so it names the provider (never the password).
            throw new InvalidOperationException(
                $"{backend.Description}: could not create the schema: {exception.Message}", exception);
        }
    }
}
