using VibeCoder.Runtime.Reminders;

namespace VibeCoder.Persistence.Tests.Reminders;

[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTableTests(PostgresFixture postgres) : ReminderTableConformanceTests
{
    protected override async Task<IReminderTable> CreateTableAsync() =>
        new PostgresReminderTable(await postgres.DataSourceAsync("reminders"));
}
