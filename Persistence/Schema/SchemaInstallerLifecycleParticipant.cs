using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using VibeCoder.Persistence.Hosting;

namespace VibeCoder.Persistence.Schema;

/// <summary>
/// Installs the schema at <see cref="ServiceLifecycleStage.First"/>, before any Orleans provider reads its queries
/// (membership at RuntimeInitialize, storage and streams at ApplicationServices). A failure stops the silo's start.
/// </summary>
internal sealed class SchemaInstallerLifecycleParticipant(VibeCoderDatabase database, ILoggerFactory loggerFactory)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaInstallerLifecycleParticipant), ServiceLifecycleStage.First, InstallAsync);

    private Task InstallAsync(CancellationToken cancellationToken) =>
        database.CreateInstaller(loggerFactory).InstallAsync(cancellationToken);
}
