namespace VibeCoder.Runtime.Hosting;

/// <summary>
/// Work that must finish before the silo accepts grain calls, such as creating storage schemas. Tasks run in
/// registration order; a failure stops the start-up with its message.
/// </summary>
public interface ISiloStartupTask
{
    /// <summary>Runs the task.</summary>
    Task ExecuteAsync(CancellationToken cancellationToken);
}
