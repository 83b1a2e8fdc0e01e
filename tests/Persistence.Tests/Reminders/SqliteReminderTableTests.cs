using VibeCoder.Runtime.Reminders;

namespace VibeCoder.Persistence.Tests.Reminders;

public sealed class SqliteReminderTableTests : ReminderTableConformanceTests
{
    private readonly TemporaryDirectory _directory = new();

    protected override Task<IReminderTable> CreateTableAsync() =>
        Task.FromResult<IReminderTable>(new SqliteReminderTable(new SqliteStorageOptions { Path = Path.Combine(_directory.Path, "reminders.db") }));

    public override Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
