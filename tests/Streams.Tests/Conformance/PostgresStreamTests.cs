using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Conformance;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStreamTests(PostgresFixture postgres) : StreamConformanceTests
{
    protected override async Task<StreamBackend> CreateBackendAsync() => new StreamBackend.Postgres(await postgres.NewDatabaseAsync());
}
