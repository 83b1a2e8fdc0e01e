using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Runtime.Hosting;

namespace VibeCoder.Runtime.Reminders;

/// <summary>Registers the in-memory reminder table. Orleans: <c>UseInMemoryReminderService</c>.</summary>
public static class MemoryReminderSiloBuilderExtensions
{
    /// <summary>
    /// Uses a <see cref="MemoryReminderTable"/> as the <see cref="IReminderTable"/>: reminders do not survive a restart.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    public static ISiloBuilder UseInMemoryReminderService(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IReminderTable, MemoryReminderTable>();
        return builder;
    }
}
