using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Durability;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDurableStreamTests(PostgresFixture postgres) : DurableStreamTests
{
    protected override async Task<StreamBackend> CreateBackendAsync() => new StreamBackend.Postgres(await postgres.NewDatabaseAsync());
}
