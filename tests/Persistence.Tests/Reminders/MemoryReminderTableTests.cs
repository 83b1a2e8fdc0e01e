using VibeCoder.Runtime.Reminders;

namespace VibeCoder.Persistence.Tests.Reminders;

public sealed class MemoryReminderTableTests : ReminderTableConformanceTests
{
    protected override Task<IReminderTable> CreateTableAsync() => Task.FromResult<IReminderTable>(new MemoryReminderTable());
}
