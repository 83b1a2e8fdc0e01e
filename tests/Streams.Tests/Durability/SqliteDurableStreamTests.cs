using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Durability;

public sealed class SqliteDurableStreamTests : DurableStreamTests
{
    protected override Task<StreamBackend> CreateBackendAsync() => Task.FromResult<StreamBackend>(new StreamBackend.Sqlite());
}
