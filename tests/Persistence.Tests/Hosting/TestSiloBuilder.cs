using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Persistence.Tests.Hosting;

/// <summary>The least a silo gives provider extensions: services (with the runtime's serializer) and configuration.</summary>
internal sealed class TestSiloBuilder : ISiloBuilder
{
    public TestSiloBuilder()
    {
        Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        Services.AddSingleton(TestSerializer.Instance);
    }

    public IServiceCollection Services { get; } = new ServiceCollection();

    public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();

    /// <summary>Builds the container and runs the start-up tasks in registration order, as the silo does.</summary>
    public async Task<ServiceProvider> StartAsync()
    {
        var provider = Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        foreach (var task in provider.GetServices<ISiloStartupTask>())
        {
            await task.ExecuteAsync(CancellationToken.None).WithTimeout();
        }

        return provider;
    }

    public static async Task<HealthReport> CheckReadinessAsync(IServiceProvider provider) =>
        await provider.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(registration => registration.Tags.Contains("ready"), CancellationToken.None)
            .WithTimeout();

    public static IGrainStorage Storage(IServiceProvider provider, string name) => provider.GetRequiredKeyedService<IGrainStorage>(name);
}
