using Microsoft.Extensions.Hosting;
using VibeCoder.Runtime.Reminders;

namespace VibeCoder.Runtime.Hosting;

/// <summary>Starts the silo with the host (start-up tasks, then the runtime, then reminders) and stops it.</summary>
internal sealed class SiloHostedService(
    GrainRuntime runtime,
    ReminderService reminders,
    IEnumerable<ISiloStartupTask> startupTasks,
    ISiloStatus status) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var task in startupTasks)
            {
                await task.ExecuteAsync(cancellationToken);
            }

            runtime.Start();
            await reminders.StartAsync(cancellationToken);
            ((SiloStatus)status).MarkStarted();
        }
        catch (Exception exception)
        {
            ((SiloStatus)status).MarkFailed(exception);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await reminders.DisposeAsync();
        await runtime.StopAsync(cancellationToken);
    }

    /// <summary>Crash-stop for tests: reminders and activations vanish without any grain code running.</summary>
    public async Task AbortAsync()
    {
        await reminders.DisposeAsync();
        runtime.Abort();
    }
}
