using VibeCoder.Runtime;
using VibeCoder.Runtime.Reminders;

namespace VibeCoder.Persistence.Tests.Reminders;

/// <summary>
/// The <see cref="IReminderTable"/> contract, written once and run unchanged against every provider by the derived
/// classes. Each test uses fresh grain keys, so tests sharing a database never meet.
/// </summary>
public abstract class ReminderTableConformanceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset StartAt = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    private IReminderTable? _table;

    protected IReminderTable Table => _table ?? throw new InvalidOperationException("Table not created.");

    /// <summary>Creates the table accessor, not yet initialized.</summary>
    protected abstract Task<IReminderTable> CreateTableAsync();

    public virtual async Task InitializeAsync()
    {
        _table = await CreateTableAsync().WithTimeout();
        await _table.InitializeAsync(CancellationToken.None).WithTimeout();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReadRow_Missing_ReturnsNull()
    {
        Assert.Null(await Table.ReadRowAsync(NewGrainId(), "timeout", CancellationToken.None).WithTimeout());
    }

    [Fact]
    public async Task UpsertRow_ThenReadRow_RoundTripsEveryField()
    {
        var entry = new ReminderEntry(NewGrainId(), "timeout", StartAt, TimeSpan.FromMinutes(5), ETag: null);

        var eTag = await Table.UpsertRowAsync(entry, CancellationToken.None).WithTimeout();
        var read = await Table.ReadRowAsync(entry.GrainId, "timeout", CancellationToken.None).WithTimeout();

        Assert.False(string.IsNullOrEmpty(eTag));
        Assert.Equal(entry with { ETag = eTag }, read);
    }

    [Fact]
    public async Task UpsertRow_StartAtWithOffsetAndSubMicrosecondTicks_ReadsBackAsUtcMicroseconds()
    {
        var local = new DateTimeOffset(2026, 11, 22, 12, 30, 0, TimeSpan.FromHours(3)).AddTicks(1_234_567);
        var entry = new ReminderEntry(NewGrainId(), "precise", local, TimeSpan.FromTicks(123_456_789), ETag: null);

        await Table.UpsertRowAsync(entry, CancellationToken.None).WithTimeout();
        var read = await Table.ReadRowAsync(entry.GrainId, "precise", CancellationToken.None).WithTimeout();

        Assert.NotNull(read);
        Assert.Equal(TimeSpan.Zero, read.StartAt.Offset);
        Assert.Equal(local.UtcTicks - 7, read.StartAt.UtcTicks);
        Assert.Equal(TimeSpan.FromTicks(123_456_789), read.Period);
    }

    [Fact]
    public async Task UpsertRow_Existing_ReplacesFieldsAndETag()
    {
        var grainId = NewGrainId();
        var first = await Table.UpsertRowAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(1), null), CancellationToken.None).WithTimeout();

        var second = await Table.UpsertRowAsync(new ReminderEntry(grainId, "tick", StartAt.AddHours(1), TimeSpan.FromMinutes(2), first), CancellationToken.None).WithTimeout();
        var read = await Table.ReadRowAsync(grainId, "tick", CancellationToken.None).WithTimeout();

        Assert.NotEqual(first, second);
        Assert.Equal(new ReminderEntry(grainId, "tick", StartAt.AddHours(1), TimeSpan.FromMinutes(2), second), read);
        Assert.Single(await Table.ReadRowsAsync(grainId, CancellationToken.None).WithTimeout());
    }

    [Fact]
    public async Task RemoveRow_CurrentETag_RemovesAndReturnsTrue()
    {
        var grainId = NewGrainId();
        var eTag = await Table.UpsertRowAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(1), null), CancellationToken.None).WithTimeout();

        Assert.True(await Table.RemoveRowAsync(grainId, "tick", eTag, CancellationToken.None).WithTimeout());
        Assert.Null(await Table.ReadRowAsync(grainId, "tick", CancellationToken.None).WithTimeout());
    }

    [Fact]
    public async Task RemoveRow_StaleETag_ReturnsFalseAndKeepsRow()
    {
        var grainId = NewGrainId();
        var stale = await Table.UpsertRowAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(1), null), CancellationToken.None).WithTimeout();
        var current = await Table.UpsertRowAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(1), stale), CancellationToken.None).WithTimeout();

        Assert.False(await Table.RemoveRowAsync(grainId, "tick", stale, CancellationToken.None).WithTimeout());
        Assert.Equal(current, (await Table.ReadRowAsync(grainId, "tick", CancellationToken.None).WithTimeout())?.ETag);
    }

    [Fact]
    public async Task RemoveRow_ETagOfARemovedAndRecreatedRow_ReturnsFalse()
    {
        var grainId = NewGrainId();
        var old = await Table.UpsertRowAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(1), null), CancellationToken.None).WithTimeout();
        Assert.True(await Table.RemoveRowAsync(grainId, "tick", old, CancellationToken.None).WithTimeout());
        await Table.UpsertRowAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(1), null), CancellationToken.None).WithTimeout();

        Assert.False(await Table.RemoveRowAsync(grainId, "tick", old, CancellationToken.None).WithTimeout());
        Assert.NotNull(await Table.ReadRowAsync(grainId, "tick", CancellationToken.None).WithTimeout());
    }

    [Fact]
    public async Task RemoveRow_Missing_ReturnsFalse()
    {
        Assert.False(await Table.RemoveRowAsync(NewGrainId(), "ghost", "any", CancellationToken.None).WithTimeout());
    }

    [Fact]
    public async Task ReadRows_OneKeyInTwoGrainTypes_ReturnsOnlyThatGrainsRemindersByName()
    {
        var key = Guid.NewGuid().ToString("N");
        var workflow = new GrainId("WorkflowGrain", key);
        var job = new GrainId("CarouselJobGrain", key);
        await Table.UpsertRowAsync(new ReminderEntry(workflow, "step-timeout", StartAt, TimeSpan.FromMinutes(1), null), CancellationToken.None).WithTimeout();
        await Table.UpsertRowAsync(new ReminderEntry(workflow, "retry", StartAt, TimeSpan.FromMinutes(2), null), CancellationToken.None).WithTimeout();
        await Table.UpsertRowAsync(new ReminderEntry(job, "expire", StartAt, TimeSpan.FromHours(1), null), CancellationToken.None).WithTimeout();

        var rows = await Table.ReadRowsAsync(workflow, CancellationToken.None).WithTimeout();

        Assert.Equal(["retry", "step-timeout"], rows.Select(row => row.Name));
        Assert.All(rows, row => Assert.Equal(workflow, row.GrainId));
    }

    [Fact]
    public async Task ReadAll_ReturnsTheRemindersOfEveryGrain()
    {
        var first = NewGrainId();
        var second = NewGrainId();
        var a = await Table.UpsertRowAsync(new ReminderEntry(first, "a", StartAt, TimeSpan.FromMinutes(1), null), CancellationToken.None).WithTimeout();
        var b = await Table.UpsertRowAsync(new ReminderEntry(second, "b", StartAt, TimeSpan.FromMinutes(1), null), CancellationToken.None).WithTimeout();

        var all = await Table.ReadAllAsync(CancellationToken.None).WithTimeout();

        Assert.Contains(new ReminderEntry(first, "a", StartAt, TimeSpan.FromMinutes(1), a), all);
        Assert.Contains(new ReminderEntry(second, "b", StartAt, TimeSpan.FromMinutes(1), b), all);
    }

    [Fact]
    public async Task Initialize_RunTwiceMore_KeepsRows()
    {
        var grainId = NewGrainId();
        var eTag = await Table.UpsertRowAsync(new ReminderEntry(grainId, "tick", StartAt, TimeSpan.FromMinutes(1), null), CancellationToken.None).WithTimeout();

        await Table.InitializeAsync(CancellationToken.None).WithTimeout();
        await Table.InitializeAsync(CancellationToken.None).WithTimeout();

        Assert.Equal(eTag, (await Table.ReadRowAsync(grainId, "tick", CancellationToken.None).WithTimeout())?.ETag);
    }

    private static GrainId NewGrainId() => new("WorkflowGrain", Guid.NewGuid().ToString("N"));
}
