using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VibeCoder.Runtime.Hosting;

/// <summary>The <see cref="ISiloBuilder"/> handed to <see cref="SiloServiceCollectionExtensions.AddSilo"/>'s callback.</summary>
internal sealed class SiloBuilder(IServiceCollection services, IConfiguration configuration) : ISiloBuilder
{
    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;
}
