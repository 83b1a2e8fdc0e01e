using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VibeCoder.Runtime.Hosting;

/// <summary>
/// Configures a silo: grain assemblies, storage providers, reminders, streams, filters.
/// Provider packages add extension methods to it. Orleans: <c>ISiloBuilder</c>.
/// </summary>
public interface ISiloBuilder
{
    /// <summary>The host's services.</summary>
    IServiceCollection Services { get; }

    /// <summary>The host's configuration (environment variables included).</summary>
    IConfiguration Configuration { get; }
}
