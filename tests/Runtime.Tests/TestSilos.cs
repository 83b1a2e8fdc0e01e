using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Persistence;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.TestingHost;
using VibeCoder.Runtime.Tests.Grains;

namespace VibeCoder.Runtime.Tests;

/// <summary>Starts silos hosting the test grains over a SQLite file, directly or in serialized-call mode.</summary>
public static class TestSilos
{
    public static readonly Type[] Grains =
    [
        typeof(CounterGrain), typeof(GateGrain), typeof(ReentrantGateGrain), typeof(SequenceGrain), typeof(ChainGrain),
        typeof(TimerGrain), typeof(ReminderGrain), typeof(StatefulGrain), typeof(ContextGrain),
    ];

    public static Task<InProcessSilo> StartAsync(
        bool serializeCalls,
        LifecycleLog log,
        Gates gates,
        string? databasePath = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<ISiloBuilder>? configure = null)
    {
        databasePath ??= NewDatabasePath();
        var allSettings = new Dictionary<string, string?>
        {
            ["Silo:SerializeCalls"] = serializeCalls ? "true" : "false",
            ["Silo:CallTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            allSettings[key] = value;
        }

        return InProcessSilo.StartAsync(
            silo =>
            {
                foreach (var grain in Grains)
                {
                    silo.Services.Configure<GrainClassCatalog>(c => c.GrainClasses.Add(grain));
                }

                silo.AddSqliteGrainStorage("Default", o => o.Path = databasePath);
                silo.UseSqliteReminderService(o => o.Path = databasePath);
                configure?.Invoke(silo);
            },
            services =>
            {
                services.AddSingleton(log);
                services.AddSingleton(gates);
            },
            allSettings);
    }

    public static string NewDatabasePath() =>
        Path.Combine(Path.GetTempPath(), "vibecoder-runtime-tests", Guid.NewGuid().ToString("N") + ".db");
}

/// <summary>One silo shared by the tests of a class.</summary>
public abstract class SiloFixture : IAsyncLifetime
{
    public LifecycleLog Log { get; } = new();

    public Gates Gates { get; } = new();

    public InProcessSilo Silo { get; private set; } = null!;

    public IGrainFactory Grains => Silo.GrainFactory;

    public abstract bool SerializeCalls { get; }

    public async Task InitializeAsync() => Silo = await TestSilos.StartAsync(SerializeCalls, Log, Gates);

    public async Task DisposeAsync() => await Silo.DisposeAsync();
}

public sealed class DirectSiloFixture : SiloFixture
{
    public override bool SerializeCalls => false;
}

public sealed class SerializingSiloFixture : SiloFixture
{
    public override bool SerializeCalls => true;
}
