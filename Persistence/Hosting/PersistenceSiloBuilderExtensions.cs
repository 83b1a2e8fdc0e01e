using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;
using VibeCoder.Persistence.Health;
using VibeCoder.Persistence.Journal;
using VibeCoder.Persistence.Schema;
using VibeCoder.Persistence.Serialization;
using VibeCoder.Persistence.Streams;

namespace VibeCoder.Persistence.Hosting;

/// <summary>Registers the grain service's storage on a silo.</summary>
public static class PersistenceSiloBuilderExtensions
{
    /// <summary>The name of the grain storage Orleans' pub-sub uses for explicit stream subscriptions.</summary>
    public const string PubSubStoreName = "PubSubStore";

    /// <summary>
    /// Puts the silo's grain state, reminders and streams (and, on PostgreSQL, membership) in <paramref name="database"/>
    /// through Orleans' AdoNet providers, with this library's schema installed at start.
    /// </summary>
    /// <remarks>
    /// Registers: the schema installer (runs at <see cref="ServiceLifecycleStage.First"/>); AdoNet grain storage as the
    /// default, serializing state as JSON (<see cref="JsonStateSerializer"/>), and as <see cref="PubSubStoreName"/> with
    /// Orleans' default serializer (its pub-sub state is Orleans' own);
    /// AdoNet reminders; an AdoNet stream provider per name (<see cref="StreamDefaults.QueueCount"/> queues, polled every
    /// 50 ms, 5 delivery attempts before dead letters); AdoNet clustering on PostgreSQL only (on SQLite call
    /// <c>UseLocalhostClustering</c>); <see cref="IEventJournal"/>, <see cref="IStreamDeadLetters"/> and
    /// <see cref="DatabaseHealthCheck"/> as singletons. Reminder periods (<c>ReminderOptions</c>) are the caller's.
    /// </remarks>
    public static ISiloBuilder AddVibeCoderPersistence(this ISiloBuilder silo, DatabaseSettings database, params string[] streamProviderNames)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(streamProviderNames);

        var db = new VibeCoderDatabase(database);
        var services = silo.Services;
        services.AddSingleton(db);
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaInstallerLifecycleParticipant>();
        services.TryAddSingleton<JsonStateSerializer>();
        services.AddSingleton(sp => new DatabaseHealthCheck(sp.GetRequiredService<VibeCoderDatabase>()));
        services.AddSingleton<IEventJournal>(sp => database.Kind == DatabaseKind.Postgres
            ? new PostgresEventJournal(db.DataSource)
            : new SqliteEventJournal(db.DataSource));
        services.AddSingleton<IStreamDeadLetters>(sp => database.Kind == DatabaseKind.Postgres
            ? new PostgresStreamDeadLetters(db.DataSource, sp.GetRequiredService<IOptions<ClusterOptions>>())
            : new SqliteStreamDeadLetters(db.DataSource, sp.GetRequiredService<IOptions<ClusterOptions>>()));

        silo.AddAdoNetGrainStorageAsDefault(options => options.Configure<JsonStateSerializer>((o, serializer) => ConfigureStorage(o, db, serializer)));
        // Orleans' own pub-sub state (PubSubPublisherState and friends) has constructors our JSON cannot bind: a
        // rendezvous grain re-activated on another silo could not read it back. It keeps Orleans' default serializer
        // (JSON too, so the column type fits), which round-trips Orleans' types.
        silo.AddAdoNetGrainStorage(PubSubStoreName, options => options.Configure(o => ConfigureStorage(o, db, serializer: null)));
        silo.UseAdoNetReminderService(options => options.Configure(o =>
        {
            o.Invariant = database.Invariant;
            o.ConnectionString = db.ProviderConnectionString;
            o.DataSource = db.ProviderDataSource;
        }));

        foreach (var name in streamProviderNames)
        {
            silo.AddAdoNetStreams(name, stream =>
            {
                stream.ConfigureAdoNet(options => options.Configure(o => ConfigureStreams(o, db)));
                stream.ConfigurePartitioning(StreamDefaults.QueueCount);
                stream.ConfigurePullingAgent(options => options.Configure(o => o.GetQueueMsgsTimerPeriod = StreamDefaults.PollPeriod));
            });
        }

        if (database.Kind == DatabaseKind.Postgres)
        {
            silo.UseAdoNetClustering(options => options.Configure(o =>
            {
                o.Invariant = database.Invariant;
                o.ConnectionString = database.ConnectionString;
            }));
        }

        return silo;
    }

    internal static void ConfigureStreams(AdoNetStreamOptions options, VibeCoderDatabase db)
    {
        options.Invariant = db.Settings.Invariant;
        options.ConnectionString = db.ProviderConnectionString;
        options.DataSource = db.ProviderDataSource;
        options.MaxAttempts = StreamDefaults.MaxAttempts;
        options.VisibilityTimeout = StreamDefaults.VisibilityTimeout;
        options.ExpiryTimeout = StreamDefaults.ExpiryTimeout;
        options.DeadLetterEvictionTimeout = StreamDefaults.DeadLetterRetention;
    }

    private static void ConfigureStorage(AdoNetGrainStorageOptions options, VibeCoderDatabase db, IGrainStorageSerializer? serializer)
    {
        options.Invariant = db.Settings.Invariant;
        options.ConnectionString = db.ProviderConnectionString;
        options.DataSource = db.ProviderDataSource;
        if (serializer is not null)
        {
            options.GrainStorageSerializer = serializer;
        }
    }
}
