using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.Storage;
using VibeCoder.Runtime.Streams;
using VibeCoder.Runtime.TestingHost;
using VibeCoder.Streams.Tests.Grains;

namespace VibeCoder.Streams.Tests.Infrastructure;

/// <summary>Starts silos hosting the test grains and one stream provider named <see cref="Provider"/> on a backend.</summary>
public static class TestSilo
{
    public const string Provider = "events";

    public static readonly Type[] Grains =
    [
        typeof(RecorderGrain), typeof(FlakyGrain), typeof(SubscriberGrain), typeof(FlowStarterGrain), typeof(FlowStepGrain),
        typeof(FlowEndGrain), typeof(IdempotentCounterGrain), typeof(ShutdownPublisherGrain),
    ];

    /// <summary>Fast retries (3 attempts, 10–40 ms) and frequent checkpoints, so failure paths finish in milliseconds.</summary>
    public static void FastDefaults(StreamOptions options)
    {
        options.MaxDeliveryAttempts = 3;
        options.RetryInitialDelay = TimeSpan.FromMilliseconds(10);
        options.RetryMaxDelay = TimeSpan.FromMilliseconds(40);
        options.CheckpointInterval = TimeSpan.FromMilliseconds(50);
        options.SafetyPollInterval = TimeSpan.FromMilliseconds(500);
    }

    public static Task<InProcessSilo> StartAsync(
        StreamBackend backend,
        DeliveryLog log,
        Action<StreamOptions>? configure = null,
        IEnumerable<Type>? grains = null) =>
        InProcessSilo.StartAsync(
            silo =>
            {
                foreach (var grain in grains ?? Grains)
                {
                    silo.Services.Configure<GrainClassCatalog>(c => c.GrainClasses.Add(grain));
                }

                silo.AddMemoryGrainStorage();
                backend.AddStreams(silo, Provider, options =>
                {
                    FastDefaults(options);
                    configure?.Invoke(options);
                });
            },
            services =>
            {
                services.AddSingleton(log);
                services.AddSingleton(new SiloGeneration(log.NextGeneration()));
            },
            new Dictionary<string, string?> { ["Silo:CallTimeout"] = "00:00:10" });

    public static IStreamProvider Streams(this InProcessSilo silo) => silo.Services.GetStreamProvider(Provider);

    public static IStreamDiagnostics Diagnostics(this InProcessSilo silo) => silo.Services.GetRequiredService<IStreamDiagnostics>();
}
