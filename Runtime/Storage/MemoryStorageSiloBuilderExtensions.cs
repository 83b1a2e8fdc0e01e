using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Runtime.Hosting;

namespace VibeCoder.Runtime.Storage;

/// <summary>Registers the in-memory grain storage. Orleans: <c>AddMemoryGrainStorage</c>.</summary>
public static class MemoryStorageSiloBuilderExtensions
{
    /// <summary>
    /// Adds a <see cref="MemoryGrainStorage"/> as the keyed <see cref="IGrainStorage"/> named <paramref name="name"/>.
    /// It needs an <see cref="IGrainStateSerializer"/> in the services (the runtime registers one).
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name grains refer to; <see cref="PersistentStateAttribute.DefaultStorageName"/> by default.</param>
    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder builder, string name = PersistentStateAttribute.DefaultStorageName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.AddKeyedSingleton<IGrainStorage>(
            name,
            (services, _) => new MemoryGrainStorage(services.GetRequiredService<IGrainStateSerializer>()));
        return builder;
    }
}
