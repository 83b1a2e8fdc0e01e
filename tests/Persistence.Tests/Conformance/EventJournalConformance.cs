using Microsoft.Extensions.Logging.Abstractions;
using VibeCoder.Persistence.Hosting;
using VibeCoder.Persistence.Journal;
using VibeCoder.Persistence.Tests.Infrastructure;

namespace VibeCoder.Persistence.Tests.Conformance;

/// <summary>The event journal: idempotent appends and filtered, ordered reads, the same for every dialect.</summary>
public abstract class EventJournalConformance(Dialect dialect) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private VibeCoderDatabase? _database;
    private IEventJournal? _journal;

    public async Task InitializeAsync()
    {
        _database = new VibeCoderDatabase(await dialect.NewDatabaseAsync());
        await _database.CreateInstaller(NullLoggerFactory.Instance).InstallAsync(CancellationToken.None);
        _journal = dialect.Kind == DatabaseKind.Postgres
            ? new PostgresEventJournal(_database.DataSource)
            : new SqliteEventJournal(_database.DataSource);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Append_SameIdTwice_KeepsTheFirst()
    {
        await _journal!.AppendAsync(Entry("e1", "job.started", T0, "job-1", """{"n":1}"""), CancellationToken.None);
        await _journal.AppendAsync(Entry("e1", "job.started", T0.AddSeconds(5), "job-1", """{"n":2}"""), CancellationToken.None);

        var all = await _journal.QueryAsync(new JournalQuery("job-1", null, null, null, 10), CancellationToken.None);

        var entry = Assert.Single(all);
        Assert.Equal("""{"n":1}""", entry.Data);
        Assert.Equal(T0, entry.Timestamp);
    }

    [Fact]
    public async Task Query_ByCorrelationTypeAndTime_ReturnsMatchesOldestFirst()
    {
        await _journal!.AppendAsync(Entry("c", "carousel.completed", T0.AddSeconds(2), "job-1", "{}", causation: "b", user: "42"), CancellationToken.None);
        await _journal.AppendAsync(Entry("a", "workflow.started", T0, "job-1", """{"topic":"Кофе ☕"}"""), CancellationToken.None);
        await _journal.AppendAsync(Entry("b", "carousel.slides.generated", T0.AddSeconds(1), "job-1", "{}"), CancellationToken.None);
        await _journal.AppendAsync(Entry("x", "workflow.started", T0.AddSeconds(1), "job-2", "{}"), CancellationToken.None);

        var story = await _journal.QueryAsync(new JournalQuery("job-1", null, null, null, 100), CancellationToken.None);
        var started = await _journal.QueryAsync(new JournalQuery(null, "workflow.started", null, null, 100), CancellationToken.None);
        var window = await _journal.QueryAsync(new JournalQuery(null, null, T0.AddSeconds(1), T0.AddSeconds(2), 100), CancellationToken.None);
        var limited = await _journal.QueryAsync(new JournalQuery(null, null, null, null, 2), CancellationToken.None);

        Assert.Equal(["a", "b", "c"], story.Select(e => e.Id));
        Assert.Equal("""{"topic":"Кофе ☕"}""", story[0].Data);
        Assert.Equal(("b", "42"), (story[2].CausationId, story[2].UserId));
        Assert.Equal(["a", "x"], started.Select(e => e.Id));
        Assert.Equal(["b", "x"], window.Select(e => e.Id));
        Assert.Equal(["a", "b"], limited.Select(e => e.Id));
    }

    [Fact]
    public async Task Query_LimitOutOfRange_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _journal!.QueryAsync(new JournalQuery(null, null, null, null, 0), CancellationToken.None));
    }

    private static JournalEntry Entry(string id, string type, DateTimeOffset at, string correlation, string data, string? causation = null, string? user = null) =>
        new(id, type, at, "tests", data, correlation, causation, user);
}

[Collection(DatabaseCollection.Name)]
public sealed class PostgresEventJournalTests(PostgresServer server) : EventJournalConformance(new PostgresDialect(server));

[Collection(DatabaseCollection.Name)]
public sealed class SqliteEventJournalTests() : EventJournalConformance(new SqliteDialect());
